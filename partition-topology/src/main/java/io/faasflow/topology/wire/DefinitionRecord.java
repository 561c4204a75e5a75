package io.faasflow.topology.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** The value of a {@code workflow-definitions} record: a deployment, or the deletion of a workflow. */
public sealed interface DefinitionRecord permits DeployedWorkflow, WorkflowDeletion {

    String name();

    long version();

    /**
     * Reads a definitions record: one with {@code deletedAt} is a {@link WorkflowDeletion}, any other a
     * {@link DeployedWorkflow}, which needs {@code name}, {@code yaml} and {@code plan}.
     *
     * @throws IOException when it is no JSON of either shape
     * @throws IllegalArgumentException when a field it needs is missing
     */
    static DefinitionRecord read(byte[] value) throws IOException {
        JsonNode tree = WireJson.read(value, JsonNode.class);
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("a definitions record is a JSON object");
        }
        if (tree.has("deletedAt")) {
            WorkflowDeletion deletion = WireJson.mapper().treeToValue(tree, WorkflowDeletion.class);
            if (deletion.name() == null || deletion.version() < 1) {
                throw new IllegalArgumentException("a deletion record needs name and a version of at least 1");
            }
            return deletion;
        }
        DeployedWorkflow deployed = WireJson.mapper().treeToValue(tree, DeployedWorkflow.class);
        if (deployed.name() == null || deployed.yaml() == null || deployed.plan() == null) {
            throw new IllegalArgumentException("a deployment record needs name, yaml and plan");
        }
        return deployed;
    }
}
