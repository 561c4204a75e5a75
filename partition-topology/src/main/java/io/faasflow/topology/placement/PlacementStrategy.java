package io.faasflow.topology.placement;

import io.faasflow.topology.model.WorkflowGraph;
import java.util.Map;

/**
 * Maps the functions of a workflow onto worker nodes. Implementations must be deterministic: no randomness,
 * no salted hashes, no dependence on iteration order of unordered collections.
 */
public interface PlacementStrategy {

    /** The name recorded in plans, e.g. {@code contiguous}. */
    String name();

    /** Node id ({@code 0..nodes-1}) of every function, keyed by function name. */
    Map<String, Integer> place(WorkflowGraph graph, int nodes);

    /** The placement with how it was reached; strategies without groups give no summary. */
    default Placement placeDetailed(WorkflowGraph graph, int nodes) {
        return new Placement(place(graph, nodes), null);
    }
}
