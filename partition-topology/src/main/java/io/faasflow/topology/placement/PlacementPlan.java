package io.faasflow.topology.placement;

import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.partition.PartitionSummary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each function of one workflow runs and where each datum is stored. Immutable and deterministic: the
 * same workflow, node count and strategy always give an equal plan.
 *
 * @param workflow the workflow name
 * @param nodes the number of worker nodes (node ids are {@code 0..nodes-1})
 * @param strategy the name of the placement strategy that made the plan
 * @param functionNodes node of every function, in YAML order
 * @param destinations destination of every stored datum, by {@link DataRef#storageKey()}, sorted
 * @param startFunctions functions without predecessors, in YAML order
 * @param partition how the grouping partitioner placed the functions; null for other strategies
 */
public record PlacementPlan(
        String workflow,
        int nodes,
        String strategy,
        Map<String, Integer> functionNodes,
        Map<String, Destination> destinations,
        List<String> startFunctions,
        PartitionSummary partition) {

    public PlacementPlan {
        functionNodes = Collections.unmodifiableMap(new LinkedHashMap<>(functionNodes));
        destinations = Collections.unmodifiableMap(new TreeMap<>(destinations));
        startFunctions = List.copyOf(startFunctions);
    }

    public PlacementPlan(String workflow, int nodes, String strategy, Map<String, Integer> functionNodes,
            Map<String, Destination> destinations, List<String> startFunctions) {
        this(workflow, nodes, strategy, functionNodes, destinations, startFunctions, null);
    }

    public int nodeOf(String function) {
        Integer node = functionNodes.get(function);
        if (node == null) {
            throw new IllegalArgumentException("plan of " + workflow + " places no function " + function);
        }
        return node;
    }

    /** Destination of a datum; a datum nobody reads is kept in its producer's node memory. */
    public Destination destinationOf(DataRef ref) {
        return destinations.getOrDefault(ref.storageKey(), Destination.MEM);
    }

    /** The node that receives invocation records: the node of the first start function. */
    public int entryNode() {
        return nodeOf(startFunctions.get(0));
    }

    /** Distinct nodes that start functions run on, ascending. */
    public List<Integer> startNodes() {
        return startFunctions.stream().map(this::nodeOf).distinct().sorted().toList();
    }

    /** Distinct nodes used by the plan, ascending. */
    public List<Integer> usedNodes() {
        return functionNodes.values().stream().distinct().sorted().toList();
    }
}
