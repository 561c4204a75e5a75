package io.faasflow.topology.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The heaviest start-to-sink path of a workflow under given function weights (e.g. measured durations).
 *
 * @param functions the path, from start to sink
 * @param length the sum of the weights along it
 */
public record CriticalPath(List<String> functions, double length) {

    public CriticalPath {
        functions = List.copyOf(functions);
    }

    /** Computes the path; functions the weight does not know should weigh 0. Ties go to YAML order. */
    public static CriticalPath of(WorkflowGraph graph, ToDoubleFunction<String> weight) {
        List<String> order = graph.topologicalOrder().orElseThrow(() -> new IllegalArgumentException("cyclic workflow"));
        Map<String, Double> distance = new HashMap<>();
        Map<String, String> previous = new HashMap<>();
        String best = null;
        for (String function : order) {
            double before = 0;
            String via = null;
            for (String parent : graph.predecessors(function)) {
                if (distance.get(parent) > before || via == null) {
                    before = distance.get(parent);
                    via = parent;
                }
            }
            distance.put(function, before + weight.applyAsDouble(function));
            previous.put(function, via);
            if (best == null || distance.get(function) > distance.get(best)) {
                best = function;
            }
        }
        List<String> path = new ArrayList<>();
        for (String at = best; at != null; at = previous.get(at)) {
            path.add(at);
        }
        Collections.reverse(path);
        return new CriticalPath(path, best == null ? 0 : distance.get(best));
    }
}
