package io.faasflow.experiments.bench;

import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.placement.FixedPlacement;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.wire.DeployedWorkflow;
import java.util.Map;

/**
 * The deployment the container benchmark starts containers for: a one-function workflow whose function
 * {@value #FUNCTION} runs the built-in {@code noop}, placed on node 0 and not synthetic.
 */
final class NoopDeployment {
    static final String WORKFLOW = "bench-containers";
    static final String FUNCTION = "f";
    static final int NODE = 0;
    private static final String YAML = "functions: [{name: " + FUNCTION + ", source: noop}]\n";

    private final PlacementPlan plan;

    NoopDeployment() {
        WorkflowDefinition definition = new WorkflowLoader().parse(WORKFLOW, YAML, "bench-containers");
        this.plan = new PlacementPlanner(new FixedPlacement(Map.of(FUNCTION, NODE))).plan(definition, 1);
    }

    /** The deployment as version {@code version}: each version is a pool key of its own. */
    DeployedWorkflow version(long version) {
        return new DeployedWorkflow(WORKFLOW, version, YAML, false, plan, System.currentTimeMillis());
    }
}
