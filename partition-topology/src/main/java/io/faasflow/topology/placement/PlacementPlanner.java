package io.faasflow.topology.placement;

import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.model.WorkflowGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a {@link PlacementPlan}: function placement from a {@link PlacementStrategy}, then a storage
 * destination for every datum from all of its readers (not only direct successors):
 * MEM when every reader shares the producer's node, DB when none does, DB_MEM when mixed.
 * A switch whose condition reads a datum counts as a reader on the switch's node. Global inputs are stored
 * by the invocation's entry node. The raw planner puts every datum in the shared store.
 */
public final class PlacementPlanner {
    private final PlacementStrategy strategy;
    private final boolean everythingInDb;

    public PlacementPlanner(PlacementStrategy strategy) {
        this(strategy, false);
    }

    private PlacementPlanner(PlacementStrategy strategy, boolean everythingInDb) {
        this.strategy = strategy;
        this.everythingInDb = everythingInDb;
    }

    /** The paper's baseline ("raw"): CRC32 spread of functions, every datum in the shared store. */
    public static PlacementPlanner raw() {
        return new PlacementPlanner(new HashPlacement(), true);
    }

    public PlacementPlan plan(WorkflowDefinition workflow, int nodes) {
        if (nodes < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node; got " + nodes);
        }
        WorkflowGraph graph = new WorkflowGraph(workflow);
        Placement placement = strategy.placeDetailed(graph, nodes);
        Map<String, Integer> placed = placement.functionNodes();
        Map<String, Integer> functionNodes = new LinkedHashMap<>();
        for (FunctionSpec function : workflow.functions()) {
            Integer node = placed.get(function.name());
            if (node == null || node < 0 || node >= nodes) {
                throw new IllegalStateException(strategy.name() + " placed " + function.name() + " on node " + node
                        + " of " + nodes);
            }
            functionNodes.put(function.name(), node);
        }
        List<String> starts = graph.startFunctions();
        int entryNode = functionNodes.get(starts.get(0));
        Map<String, Destination> destinations = new TreeMap<>();
        for (Map.Entry<DataRef, List<String>> entry : ConditionReads.readersWithConditions(graph).entrySet()) {
            DataRef ref = entry.getKey();
            int producerNode = ref.producer().equals(io.faasflow.topology.model.InputSpec.GLOBAL_PRODUCER)
                    ? entryNode
                    : functionNodes.get(ref.producer());
            long local = entry.getValue().stream().filter(r -> functionNodes.get(r) == producerNode).count();
            Destination destination = everythingInDb ? Destination.DB
                    : local == entry.getValue().size() ? Destination.MEM
                    : local == 0 ? Destination.DB : Destination.DB_MEM;
            destinations.put(ref.storageKey(), destination);
        }
        String name = everythingInDb ? "raw" : strategy.name();
        return new PlacementPlan(workflow.name(), nodes, name, functionNodes, destinations, starts, placement.summary());
    }
}
