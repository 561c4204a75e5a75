package io.faasflow.ingress.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.wire.DeployedWorkflow;

/**
 * What {@code POST} and {@code GET /workflows/{name}} answer.
 *
 * @param workflow workflow name
 * @param version deployment version, from 1
 * @param synthetic whether functions run the synthetic implementation
 * @param plan where each function runs and each datum is stored
 * @param maxContainers containers per pool and node; absent when the nodes' default applies
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentView(String workflow, long version, boolean synthetic, PlacementPlan plan, Integer maxContainers) {

    public static DeploymentView of(DeployedWorkflow deployed) {
        return new DeploymentView(deployed.name(), deployed.version(), deployed.synthetic(), deployed.plan(),
                deployed.maxContainers() > 0 ? deployed.maxContainers() : null);
    }
}
