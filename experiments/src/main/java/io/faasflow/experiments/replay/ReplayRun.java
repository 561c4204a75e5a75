package io.faasflow.experiments.replay;

import java.util.List;

/**
 * Everything one replay saw.
 *
 * @param description the arrival mode, e.g. {@code open loop, fixed rate 50/s}
 * @param requestedRate the open-loop rate asked for; null for closed loops and traces
 * @param startNanos {@link System#nanoTime()} at the start of the measured phase
 * @param records every invocation sent, warm-ups included, in the order they ended
 * @param duplicateResults results that arrived again for an invocation already matched (never counted twice)
 * @param lateResults results that arrived after the replay had counted their invocation as timed out
 * @param foreignResults results of invocations other clients sent
 */
public record ReplayRun(String description, ArrivalRate requestedRate, long startNanos, List<ReplayRecord> records,
        long duplicateResults, long lateResults, long foreignResults) {

    public List<ReplayRecord> measured() {
        return records.stream().filter(record -> !record.warmup()).toList();
    }
}
