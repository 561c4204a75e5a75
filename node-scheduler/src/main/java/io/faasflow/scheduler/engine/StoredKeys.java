package io.faasflow.scheduler.engine;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.state.FunctionState;
import io.faasflow.scheduler.state.HostedRuns;
import io.faasflow.scheduler.state.InvocationState;
import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.model.FunctionSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The storage keys one node wrote for an invocation: what it removes when the invocation ends. */
final class StoredKeys {
    private StoredKeys() {
    }

    /**
     * Outputs of the functions the node hosts (one key per run of a foreach function): the declared ones, and
     * those a function without an output block was seen writing. Plus the global inputs if the node stored them.
     * In master mode a host does not see what its runs wrote, so undeclared outputs there expire by Redis TTL.
     */
    static List<String> of(Deployment deployment, int node, Optional<InvocationState> state) {
        Set<String> keys = new LinkedHashSet<>();
        for (FunctionSpec function : deployment.definition().functions()) {
            if (deployment.plan().nodeOf(function.name()) == node) {
                keys.addAll(outputsOfRuns(function.name(), outputKeys(function, state), runsOf(function.name(), state)));
            }
        }
        state.ifPresent(known -> keys.addAll(known.inputKeys));
        return List.copyOf(keys);
    }

    /** The keys one run (element -1: the only run) of a function writes, as declared. */
    static List<String> outputsOf(FunctionSpec function, int element) {
        return outputsOf(function.name(), function.outputs().keySet(), element);
    }

    private static List<String> outputsOf(String function, Set<String> outputKeys, int element) {
        return outputKeys.stream()
                .map(key -> element < 0 ? new DataRef(function, key).storageKey() : new DataRef(function, key).elementKey(element))
                .toList();
    }

    private static Set<String> outputKeys(FunctionSpec function, Optional<InvocationState> state) {
        Set<String> keys = new LinkedHashSet<>(function.outputs().keySet());
        state.map(known -> known.functions.get(function.name())).ifPresent(seen -> keys.addAll(seen.outputBytes.keySet()));
        return keys;
    }

    private static List<String> outputsOfRuns(String function, Set<String> outputKeys, int runs) {
        if (runs < 0) {
            return outputsOf(function, outputKeys, -1);
        }
        List<String> keys = new java.util.ArrayList<>();
        for (int element = 0; element < runs; element++) {
            keys.addAll(outputsOf(function, outputKeys, element));
        }
        return keys;
    }

    /** How many foreach runs of the function this node knows of; -1 when it is not run per element here. */
    private static int runsOf(String function, Optional<InvocationState> state) {
        if (state.isEmpty()) {
            return -1;
        }
        int runs = -1;
        FunctionState scheduled = state.get().functions.get(function);
        if (scheduled != null && scheduled.foreach != null) {
            runs = scheduled.foreach.count;
        }
        HostedRuns hosted = state.get().hosted.get(function);
        if (hosted != null && !hosted.requested.isEmpty() && hosted.requested.lastKey() >= 0) {
            runs = Math.max(runs, hosted.requested.lastKey() + 1);
        }
        return runs;
    }
}
