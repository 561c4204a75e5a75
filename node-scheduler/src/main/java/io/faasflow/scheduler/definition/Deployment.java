package io.faasflow.scheduler.definition;

import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.model.WorkflowGraph;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.wire.DeployedWorkflow;

/** A deployed workflow version as a node uses it: parsed definition, graph and plan. Immutable. */
public record Deployment(DeployedWorkflow deployed, WorkflowDefinition definition, WorkflowGraph graph) {

    public static Deployment of(DeployedWorkflow deployed) {
        WorkflowDefinition definition = new WorkflowLoader().parse(deployed.name(), deployed.yaml(),
                "deployed workflow " + deployed.name() + " v" + deployed.version());
        return new Deployment(deployed, definition, new WorkflowGraph(definition));
    }

    public String name() {
        return deployed.name();
    }

    public long version() {
        return deployed.version();
    }

    public PlacementPlan plan() {
        return deployed.plan();
    }

    public boolean synthetic() {
        return deployed.synthetic();
    }
}
