package io.faasflow.scheduler.engine;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.topology.expr.DataLookup;
import io.faasflow.topology.expr.DataReference;
import io.faasflow.topology.expr.ExpressionParser;
import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.InputSpec;
import io.faasflow.topology.model.WorkflowGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Chooses a switch's branch: the first condition that is true. {@code INPUT.k} reads key {@code k} of the
 * invocation as FaaSFlow did, whatever function put it: the nearest ancestor of the switch that outputs
 * {@code k} and ran, else the global input {@code k}. In a synthetic deployment the outputs are filler, so a
 * global input {@code k} that the invocation gives comes first: that is how a caller steers its branches.
 *
 * <p>Nearness is the fewest edges up from the switch. When several producers at the nearest level that has a
 * value all wrote {@code k} (parallel branches joining at the switch, such as illgal_recognizer's {@code adult}
 * and {@code violence} before {@code virtual1}), the first truthy value wins, else the first value; producers
 * of one level are tried in reverse topological order. In the original every producer wrote the same key, so
 * the last writer won, a race: a violence flag was lost whenever the adult check finished after it.
 */
final class SwitchEvaluator {
    private SwitchEvaluator() {
    }

    /** Index of the first true condition, -1 when none is. Throws the expression package's exceptions. */
    static int choose(Deployment deployment, String switchName, String invocation, StorageAdapter storage) {
        FunctionSpec spec = deployment.definition().require(switchName);
        DataLookup lookup = key -> read(deployment, switchName, invocation, storage, key);
        List<String> conditions = spec.next().conditions();
        for (int i = 0; i < conditions.size(); i++) {
            if (ExpressionParser.parse(conditions.get(i)).evaluate(lookup).truthy()) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<byte[]> read(Deployment deployment, String switchName, String invocation,
            StorageAdapter storage, String key) {
        DataRef global = new DataRef(InputSpec.GLOBAL_PRODUCER, key);
        if (deployment.synthetic()) {
            Optional<byte[]> given = storage.find(invocation, global.storageKey());
            if (given.isPresent()) {
                return given;
            }
        }
        for (List<String> level : producerLevels(deployment, switchName, key)) {
            List<byte[]> written = new ArrayList<>();
            for (String producer : level) {
                // Absent when that producer did not run (an untaken branch). A failing store throws.
                storage.find(invocation, new DataRef(producer, key).storageKey()).ifPresent(written::add);
            }
            if (!written.isEmpty()) {
                return Optional.of(written.stream().filter(value -> truthy(key, value)).findFirst()
                        .orElse(written.getFirst()));
            }
        }
        return deployment.synthetic() ? Optional.empty() : storage.find(invocation, global.storageKey());
    }

    /** The switch's ancestors that output {@code key}, grouped by their fewest edges to the switch, nearest first. */
    private static Collection<List<String>> producerLevels(Deployment deployment, String switchName, String key) {
        WorkflowGraph graph = deployment.graph();
        Map<String, Integer> distance = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(switchName));
        distance.put(switchName, 0);
        while (!queue.isEmpty()) {
            String function = queue.remove();
            for (String parent : graph.predecessors(function)) {
                if (distance.putIfAbsent(parent, distance.get(function) + 1) == null) {
                    queue.add(parent);
                }
            }
        }
        SortedMap<Integer, List<String>> levels = new TreeMap<>();
        for (String producer : graph.producersOf(switchName, key)) {
            levels.computeIfAbsent(distance.get(producer), d -> new ArrayList<>()).add(producer);
        }
        return levels.values();
    }

    /** Truthiness of a stored value as a condition reads it. */
    private static boolean truthy(String key, byte[] value) {
        return new DataReference(key).evaluate(DataLookup.of(Map.of(key, value))).truthy();
    }
}
