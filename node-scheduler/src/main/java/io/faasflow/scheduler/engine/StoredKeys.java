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
     * Declared outputs of the functions the node hosts (one key per run of a foreach function), and the global
     * inputs if the node stored them. Outputs a function wrote without declaring them expire by Redis TTL.
     */
    static List<String> of(Deployment deployment, int node, Optional<InvocationState> state) {
        Set<String> keys = new LinkedHashSet<>();
        for (FunctionSpec function : deployment.definition().functions()) {
            if (deployment.plan().nodeOf(function.name()) == node) {
                keys.addAll(outputsOfRuns(function, runsOf(function.name(), state)));
            }
        }
        state.ifPresent(known -> keys.addAll(known.inputKeys));
        return List.copyOf(keys);
    }

    /** The keys one run (element -1: the only run) of a function writes. */
    static List<String> outputsOf(FunctionSpec function, int element) {
        return function.outputs().keySet().stream()
                .map(key -> element < 0 ? new DataRef(function.name(), key).storageKey()
                        : new DataRef(function.name(), key).elementKey(element))
                .toList();
    }

    private static List<String> outputsOfRuns(FunctionSpec function, int runs) {
        if (runs < 0) {
            return outputsOf(function, -1);
        }
        List<String> keys = new java.util.ArrayList<>();
        for (int element = 0; element < runs; element++) {
            keys.addAll(outputsOf(function, element));
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
