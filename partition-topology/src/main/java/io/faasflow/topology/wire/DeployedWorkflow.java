package io.faasflow.topology.wire;

import io.faasflow.topology.placement.PlacementPlan;

/**
 * A deployed workflow: the value of a {@code workflow-definitions} record keyed by workflow name. Node
 * schedulers take placement and storage destinations from {@code plan} and nowhere else.
 *
 * @param name workflow name
 * @param version increases with every deployment of the same name
 * @param yaml the flat YAML exactly as submitted
 * @param synthetic whether functions without an implementation run the synthetic function
 * @param plan placement and storage destinations
 * @param deployedAt epoch milliseconds
 * @param maxContainers containers per pool and node (the workflow's {@code max_containers}); 0 when the
 *     deployment gave none, and each node's default applies
 */
public record DeployedWorkflow(String name, long version, String yaml, boolean synthetic, PlacementPlan plan,
        long deployedAt, int maxContainers) implements DefinitionRecord {

    public DeployedWorkflow {
        if (maxContainers < 0) {
            throw new IllegalArgumentException("maxContainers must be at least 1, or 0 for none; got " + maxContainers);
        }
    }

    /** A deployment that leaves the container limit to the nodes. */
    public DeployedWorkflow(String name, long version, String yaml, boolean synthetic, PlacementPlan plan,
            long deployedAt) {
        this(name, version, yaml, synthetic, plan, deployedAt, 0);
    }
}
