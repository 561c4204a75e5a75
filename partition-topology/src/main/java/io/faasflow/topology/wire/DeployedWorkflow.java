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
 */
public record DeployedWorkflow(String name, long version, String yaml, boolean synthetic, PlacementPlan plan,
        long deployedAt) {
}
