package io.faasflow.experiments.replay;

import io.faasflow.experiments.bench.Percentiles;
import java.util.List;

/**
 * Counts and latency of a set of measured invocations. Latency is the client's: from sending the invocation
 * record to reading its result, over the invocations that succeeded.
 *
 * @param count invocations sent
 * @param succeeded ended SUCCEEDED
 * @param failed ended FAILED or CANCELLED, or could not be sent
 * @param timedOut no result within the replay's time-out, or ended TIMED_OUT in the cluster
 * @param p50Millis null when none succeeded, as the other latency figures
 */
public record LatencySummary(int count, int succeeded, int failed, int timedOut, Double p50Millis, Double p90Millis,
        Double p99Millis, Double maxMillis, Double meanMillis) {

    public static LatencySummary of(List<ReplayRecord> records) {
        List<Double> latencies = records.stream().map(ReplayRecord::completion).filter(Completion::succeeded)
                .map(Completion::latencyMillis).toList();
        int timedOut = (int) records.stream().filter(record -> record.completion().timedOut()).count();
        int failed = records.size() - latencies.size() - timedOut;
        if (latencies.isEmpty()) {
            return new LatencySummary(records.size(), 0, failed, timedOut, null, null, null, null, null);
        }
        Percentiles p = Percentiles.of(latencies);
        double mean = latencies.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new LatencySummary(records.size(), latencies.size(), failed, timedOut, p.p50(), p.p90(), p.p99(), p.max(), mean);
    }
}
