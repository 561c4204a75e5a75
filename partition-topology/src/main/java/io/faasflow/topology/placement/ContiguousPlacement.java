package io.faasflow.topology.placement;

import io.faasflow.topology.model.WorkflowGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interim placement until the FaaSFlow partitioner lands: cuts the topological order into {@code nodes}
 * contiguous blocks of near-equal size, so that most edges stay on one node and a few cross.
 */
public final class ContiguousPlacement implements PlacementStrategy {
    public static final String NAME = "contiguous";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Integer> place(WorkflowGraph graph, int nodes) {
        List<String> order = graph.topologicalOrder().orElseThrow(() -> new IllegalArgumentException("cyclic workflow"));
        Map<String, Integer> placement = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            placement.put(order.get(i), (int) ((long) i * nodes / order.size()));
        }
        return placement;
    }
}
