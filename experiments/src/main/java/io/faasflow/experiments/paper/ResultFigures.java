package io.faasflow.experiments.paper;

import io.faasflow.topology.model.CriticalPath;
import io.faasflow.topology.model.WorkflowGraph;
import io.faasflow.topology.wire.FunctionTiming;
import io.faasflow.topology.wire.InvocationResult;
import java.util.Map;

/**
 * What the experiments read from one invocation's result.
 *
 * @param e2eMillis from the client's submission to the last function's end (the cluster's clocks)
 * @param criticalPathMillis measured function times summed along the heaviest path of the DAG
 * @param dataSeconds the sum of every put and fetch time of every function (not a critical-path time)
 */
public record ResultFigures(double e2eMillis, double criticalPathMillis, double dataSeconds) {

    /** e2e minus the critical path: the scheduling overhead as the original computed it. */
    public double overheadMillis() {
        return e2eMillis - criticalPathMillis;
    }

    public static ResultFigures of(InvocationResult result, WorkflowGraph graph) {
        Map<String, FunctionTiming> timings = result.functions();
        long lastEndMicros = timings.values().stream().mapToLong(FunctionTiming::endMicros).max().orElse(0);
        CriticalPath path = CriticalPath.of(graph, function -> {
            FunctionTiming timing = timings.get(function);
            return timing == null ? 0 : (timing.endMicros() - timing.startMicros()) / 1000.0;
        });
        long dataMicros = timings.values().stream().mapToLong(timing -> timing.putMicros() + timing.fetchMicros()).sum();
        return new ResultFigures((lastEndMicros - result.submittedAt() * 1000) / 1000.0, path.length(), dataMicros / 1e6);
    }
}
