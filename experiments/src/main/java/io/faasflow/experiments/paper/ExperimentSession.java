package io.faasflow.experiments.paper;

import io.faasflow.experiments.replay.ReplayRun;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the experiments of one command share: settings, output, and the closed-loop runs of each workflow
 * alone, which the end-to-end, data-overhead and scheduling-overhead experiments all read (the original ran
 * the same closed loop three times, once per script).
 */
final class ExperimentSession {
    private final ExperimentSettings settings;
    private final PrintStream out;
    private final Map<Configuration, Map<String, ReplayRun>> single = new EnumMap<>(Configuration.class);

    ExperimentSession(ExperimentSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    ExperimentSettings settings() {
        return settings;
    }

    PrintStream out() {
        return out;
    }

    /** Warm-ups the original discarded before measuring. */
    int warmups() {
        return 2;
    }

    /** Each workflow alone in a closed loop on {@code cluster}, run once per configuration and then reused. */
    ReplayRun single(ExperimentCluster cluster, PaperWorkflow workflow) throws InterruptedException {
        Map<String, ReplayRun> runs = single.computeIfAbsent(cluster.configuration(), c -> new LinkedHashMap<>());
        ReplayRun run = runs.get(workflow.name());
        if (run == null) {
            out.println(cluster.configuration().label() + ": " + workflow.name() + " alone, closed loop for "
                    + singleDuration().toMillis() / 1000.0 + " s");
            run = cluster.closedLoop(List.of(workflow.target()), warmups(), singleDuration(), clientTimeout());
            runs.put(workflow.name(), run);
        }
        return run;
    }

    /** How long each workflow runs alone: the original's 120 s, much shortened (see the report). */
    Duration singleDuration() {
        return Duration.ofSeconds(settings.quick() ? 3 : 20);
    }

    /**
     * The client time-out of the closed loops: the original's 60 s on the compressed clock, but never under 20 s,
     * because what does not compress (Kafka hops, a JIT compiling) would otherwise count as time-outs here. The
     * tail-latency experiment, where time-outs are the measure, uses {@link #tailTimeout()}.
     */
    Duration clientTimeout() {
        Duration scaled = settings.scaled(Duration.ofSeconds(60));
        return scaled.compareTo(Duration.ofSeconds(20)) < 0 ? Duration.ofSeconds(20) : scaled;
    }

    /** The original's client time-out of 60 s, on the compressed clock. */
    Duration tailTimeout() {
        return settings.scaled(Duration.ofSeconds(60));
    }
}
