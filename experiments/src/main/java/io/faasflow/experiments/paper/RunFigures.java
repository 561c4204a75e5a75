package io.faasflow.experiments.paper;

import io.faasflow.experiments.replay.Completion;
import io.faasflow.experiments.replay.ReplayRecord;
import io.faasflow.experiments.replay.ReplayRun;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Figures of the measured invocations of one workflow in a replay. */
final class RunFigures {
    private RunFigures() {
    }

    static List<Completion> measured(ReplayRun run, PaperWorkflow workflow) {
        return run.measured().stream().map(ReplayRecord::completion)
                .filter(completion -> completion.target().workflow().equals(workflow.deployment())).toList();
    }

    /**
     * The mean of {@code figure} over the invocations that succeeded; null (a time-out) when none succeeded and
     * one timed out; NaN (no figure, which the report counts as a problem) when an invocation failed, or none
     * succeeded and none timed out.
     */
    static Double mean(ReplayRun run, PaperWorkflow workflow, ToDoubleFunction<ResultFigures> figure) {
        List<Completion> completions = measured(run, workflow);
        double[] values = completions.stream().filter(Completion::succeeded)
                .mapToDouble(completion -> figure.applyAsDouble(ResultFigures.of(completion.result(), workflow.graph())))
                .toArray();
        return summarise(completions, values);
    }

    /** As {@link #mean}, the median (nearest rank). */
    static Double median(ReplayRun run, PaperWorkflow workflow, ToDoubleFunction<ResultFigures> figure) {
        List<Completion> completions = measured(run, workflow);
        double[] values = completions.stream().filter(Completion::succeeded)
                .mapToDouble(completion -> figure.applyAsDouble(ResultFigures.of(completion.result(), workflow.graph())))
                .sorted().toArray();
        if (values.length == 0 || completions.stream().anyMatch(RunFigures::failed)) {
            return summarise(completions, values);
        }
        return values[(int) Math.ceil(values.length * 0.5) - 1];
    }

    /** The mean client latency in ms of the invocations that succeeded, with the same null and NaN as {@link #mean}. */
    static Double meanLatencyMillis(ReplayRun run, PaperWorkflow workflow) {
        List<Completion> completions = measured(run, workflow);
        return summarise(completions, completions.stream().filter(Completion::succeeded)
                .mapToDouble(Completion::latencyMillis).toArray());
    }

    /** The original's "99%-ile": the largest client latency, in ms; null when any invocation timed out. */
    static Double tailMillis(ReplayRun run, PaperWorkflow workflow) {
        List<Completion> completions = measured(run, workflow);
        if (completions.stream().anyMatch(RunFigures::failed)) {
            return Double.NaN;
        }
        if (completions.stream().anyMatch(Completion::timedOut)) {
            return null;
        }
        double[] latencies = completions.stream().filter(Completion::succeeded).mapToDouble(Completion::latencyMillis)
                .sorted().toArray();
        if (latencies.length == 0) {
            return Double.NaN;
        }
        // Fewer than 100 samples: the maximum; else the original's sorted[-n/100].
        return latencies.length < 100 ? latencies[latencies.length - 1] : latencies[latencies.length - latencies.length / 100];
    }

    /** Ended without success and not by a time-out: FAILED, CANCELLED or not sent. */
    private static boolean failed(Completion completion) {
        return !completion.succeeded() && !completion.timedOut();
    }

    private static Double summarise(List<Completion> completions, double[] values) {
        if (completions.stream().anyMatch(RunFigures::failed)) {
            return Double.NaN;
        }
        if (values.length > 0) {
            return java.util.Arrays.stream(values).average().orElseThrow();
        }
        return completions.stream().anyMatch(Completion::timedOut) ? null : Double.NaN;
    }
}
