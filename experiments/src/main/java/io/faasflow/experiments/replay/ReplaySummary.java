package io.faasflow.experiments.replay;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The summary JSON of a replay: its measured invocations overall and per workflow, the rate they were sent at
 * and the rate they succeeded at.
 *
 * @param requestedRatePerSecond the open-loop rate asked for; null otherwise
 * @param sentRatePerSecond measured invocations sent per second, first to last send; null for fewer than 2
 * @param throughputPerSecond succeeded invocations per second, from the start of the measured phase to the last end
 * @param measuredSeconds from the start of the measured phase to the last end
 */
public record ReplaySummary(String mode, Double requestedRatePerSecond, Double sentRatePerSecond,
        double throughputPerSecond, double measuredSeconds, int warmups, LatencySummary all,
        Map<String, LatencySummary> workflows, long duplicateResults, long lateResults, long foreignResults) {

    public static ReplaySummary of(ReplayRun run) {
        List<ReplayRecord> measured = run.measured();
        LatencySummary all = LatencySummary.of(measured);
        long lastEnd = measured.stream().mapToLong(record -> record.completion().endedNanos()).max().orElse(run.startNanos());
        double seconds = (lastEnd - run.startNanos()) / 1e9;
        List<Long> sends = measured.stream().map(ReplayRecord::sentNanos).sorted(Comparator.naturalOrder()).toList();
        Double sentRate = sends.size() < 2 || sends.getLast().equals(sends.getFirst()) ? null
                : (sends.size() - 1) / ((sends.getLast() - sends.getFirst()) / 1e9);
        Map<String, LatencySummary> perWorkflow = measured.stream().collect(Collectors.groupingBy(
                record -> record.completion().target().workflow(), TreeMap::new, Collectors.collectingAndThen(
                        Collectors.toList(), LatencySummary::of)));
        return new ReplaySummary(run.description(), run.requestedRate() == null ? null : run.requestedRate().perSecond(),
                sentRate, seconds > 0 ? all.succeeded() / seconds : 0, seconds, run.records().size() - measured.size(),
                all, perWorkflow, run.duplicateResults(), run.lateResults(), run.foreignResults());
    }
}
