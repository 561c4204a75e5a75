package io.faasflow.scheduler.engine;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.topology.expr.DataLookup;
import io.faasflow.topology.expr.ExpressionParser;
import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.InputSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses a switch's branch: the first condition that is true. {@code INPUT.k} reads key {@code k} of the
 * invocation as FaaSFlow did, whatever function put it: the nearest ancestor of the switch that outputs
 * {@code k} and ran, else the global input {@code k}. In a synthetic deployment the outputs are filler, so a
 * global input {@code k} that the invocation gives comes first: that is how a caller steers its branches.
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
        for (DataRef candidate : candidates(deployment, switchName, key)) {
            // Absent when that producer did not run (an untaken branch): try the next one. A failing store throws.
            Optional<byte[]> value = storage.find(invocation, candidate.storageKey());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static List<DataRef> candidates(Deployment deployment, String switchName, String key) {
        List<DataRef> refs = new ArrayList<>();
        for (String producer : deployment.graph().producersOf(switchName, key)) {
            refs.add(new DataRef(producer, key));
        }
        DataRef global = new DataRef(InputSpec.GLOBAL_PRODUCER, key);
        if (deployment.synthetic()) {
            refs.addFirst(global);
        } else {
            refs.add(global);
        }
        return refs;
    }
}
