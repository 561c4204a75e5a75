package io.faasflow.experiments.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.topology.wire.WireJson;
import java.util.Objects;

/**
 * What one invocation runs.
 *
 * @param workflow a deployed workflow's name
 * @param input its global inputs, a JSON object (empty for none)
 */
public record ReplayTarget(String workflow, ObjectNode input) {

    public ReplayTarget {
        Objects.requireNonNull(workflow, "workflow");
        if (workflow.isBlank()) {
            throw new IllegalArgumentException("workflow name must not be blank");
        }
        input = input == null ? WireJson.mapper().createObjectNode() : input;
    }
}
