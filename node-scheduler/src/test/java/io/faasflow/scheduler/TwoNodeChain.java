package io.faasflow.scheduler;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.placement.FixedPlacement;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.wire.DeployedWorkflow;
import java.util.Map;

/** The smallest workflow that crosses nodes: {@code a -> b}, a on node 0 and b on node 1 of 2; version 1. */
public final class TwoNodeChain {
    public static final String YAML = """
            functions:
            - name: a
              source: synthetic
              next: {type: pass, nodes: [b]}
            - name: b
              source: synthetic
            """;

    private TwoNodeChain() {
    }

    public static Deployment deployment() {
        return Deployment.of(new DeployedWorkflow("chain", 1, YAML, true,
                new PlacementPlanner(new FixedPlacement(Map.of("a", 0, "b", 1)))
                        .plan(new WorkflowLoader().parse("chain", YAML, "test"), 2), 0));
    }
}
