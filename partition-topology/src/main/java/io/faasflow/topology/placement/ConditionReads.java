package io.faasflow.topology.placement;

import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.model.EdgeType;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.InputSpec;
import io.faasflow.topology.model.WorkflowGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readers of every datum, counting switch conditions: {@code INPUT.k} in a condition reads key {@code k}
 * of every ancestor of the switch that outputs {@code k} (FaaSFlow reads "key k, whatever function produced
 * it"), or the global input {@code k} when no ancestor does.
 */
final class ConditionReads {
    private static final Pattern INPUT_KEY = Pattern.compile("\\bINPUT\\.([A-Za-z_][A-Za-z0-9_]*)");

    private ConditionReads() {
    }

    static Map<DataRef, List<String>> readersWithConditions(WorkflowGraph graph) {
        Map<DataRef, List<String>> readers = new TreeMap<>();
        graph.readers().forEach((ref, names) -> readers.put(ref, new ArrayList<>(names)));
        for (FunctionSpec function : graph.definition().functions()) {
            if (function.next().type() != EdgeType.SWITCH) {
                continue;
            }
            for (String condition : function.next().conditions()) {
                Matcher matcher = INPUT_KEY.matcher(condition);
                while (matcher.find()) {
                    for (DataRef ref : producersOf(graph, function.name(), matcher.group(1))) {
                        List<String> names = readers.computeIfAbsent(ref, r -> new ArrayList<>());
                        if (!names.contains(function.name())) {
                            names.add(function.name());
                        }
                    }
                }
            }
        }
        return readers;
    }

    private static List<DataRef> producersOf(WorkflowGraph graph, String switchName, String key) {
        List<DataRef> refs = new ArrayList<>();
        for (String producer : graph.producersOf(switchName, key)) {
            refs.add(new DataRef(producer, key));
        }
        if (refs.isEmpty()) {
            refs.add(new DataRef(InputSpec.GLOBAL_PRODUCER, key));
        }
        return refs;
    }
}
