package io.faasflow.ingress.rest;

import io.faasflow.topology.wire.DeployedWorkflow;

/**
 * One entry of {@code GET /workflows}: the latest deployment of a workflow, without its plan.
 *
 * @param functions how many functions it has
 * @param nodes how many nodes its plan spreads over
 */
public record WorkflowSummary(String workflow, long version, boolean synthetic, int functions, int nodes) {

    public static WorkflowSummary of(DeployedWorkflow deployed) {
        return new WorkflowSummary(deployed.name(), deployed.version(), deployed.synthetic(),
                deployed.plan().functionNodes().size(), deployed.plan().nodes());
    }
}
