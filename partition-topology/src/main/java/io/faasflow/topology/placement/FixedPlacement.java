package io.faasflow.topology.placement;

import io.faasflow.topology.model.WorkflowGraph;
import java.util.Map;

/** A placement given function by function, e.g. by a test or an operator pinning a workflow. */
public final class FixedPlacement implements PlacementStrategy {
    public static final String NAME = "fixed";

    private final Map<String, Integer> nodes;

    public FixedPlacement(Map<String, Integer> nodes) {
        this.nodes = Map.copyOf(nodes);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Integer> place(WorkflowGraph graph, int clusterNodes) {
        return nodes;
    }
}
