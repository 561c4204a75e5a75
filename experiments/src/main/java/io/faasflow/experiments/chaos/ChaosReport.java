package io.faasflow.experiments.chaos;

import io.faasflow.experiments.cluster.ProcessRestart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The figures of a fault-injection run, as CSV files and {@code reliability.md}. */
record ChaosReport(ChaosSettings settings, List<Outcome> outcomes, List<InjectedFault> faults,
        List<ProcessRestart> restarts, Map<String, Integer> resultsPerId, long runsRestarted, long seconds) {

    long count(String status) {
        return outcomes.stream().filter(o -> o.status().equals(status)).count();
    }

    long accepted() {
        return outcomes.stream().filter(o -> o.id() != null).count();
    }

    long publishedTwice() {
        return resultsPerId.values().stream().filter(n -> n > 1).count();
    }

    Map<String, Long> failuresByCause() {
        return outcomes.stream().filter(o -> o.status().equals("FAILED") || o.status().equals("TIMED_OUT"))
                .collect(Collectors.groupingBy(o -> o.status() + " " + o.cause(), TreeMap::new, Collectors.counting()));
    }

    private String firstMessage(String cause) {
        return outcomes.stream().filter(o -> (o.status() + " " + o.cause()).equals(cause) && o.message() != null)
                .map(o -> o.message().replace('|', '/').replace('\n', ' '))
                .map(m -> m.length() > 200 ? m.substring(0, 200) + "..." : m)
                .findFirst().orElse("");
    }

    /** Seconds until the process was ready again (a kill) or resumed (a pause); -1 when it never was. */
    double backAfter(InjectedFault fault) {
        if (fault.fault().kind() == Fault.Kind.PAUSE) {
            return fault.fault().holdMillis() / 1000.0;
        }
        return restarts.stream().filter(r -> r.name().equals(fault.fault().target()) && r.diedAt() >= fault.at() - 1_000)
                .mapToLong(r -> r.readyAt() - fault.at()).min().orElse(-1_000) / 1000.0;
    }

    /** Seconds until an invocation submitted after the fault succeeded; -1 when none did. */
    double nextSuccessAfter(InjectedFault fault) {
        return outcomes.stream().filter(o -> o.status().equals("SUCCEEDED") && o.submittedAt() >= fault.at())
                .mapToLong(o -> o.answeredAt() - fault.at()).min().orElse(-1_000) / 1000.0;
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> faultRows = new ArrayList<>(List.of("fault,target,pid,at_s,back_after_s,next_success_after_s"));
        long start = faults.isEmpty() ? 0 : faults.getFirst().at() - faults.getFirst().fault().atMillis();
        for (InjectedFault fault : faults) {
            faultRows.add(String.join(",", fault.fault().kind().name(), fault.fault().target(), Long.toString(fault.pid()),
                    decimal((fault.at() - start) / 1000.0), decimal(backAfter(fault)), decimal(nextSuccessAfter(fault))));
        }
        Files.write(dir.resolve(settings.reportName() + "-faults.csv"), faultRows);
        List<String> summary = new ArrayList<>(List.of("measure,value"));
        summaryRows().forEach((key, value) -> summary.add(key + "," + value));
        Files.write(dir.resolve(settings.reportName() + "-summary.csv"), summary);
        Files.writeString(dir.resolve(settings.reportName() + ".md"), markdown());
    }

    Map<String, String> summaryRows() {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        rows.put("submitted", Integer.toString(outcomes.size()));
        rows.put("accepted", Long.toString(accepted()));
        rows.put("not_accepted", Long.toString(count("NOT_ACCEPTED")));
        rows.put("succeeded", Long.toString(count("SUCCEEDED")));
        rows.put("failed", Long.toString(count("FAILED")));
        rows.put("timed_out", Long.toString(count("TIMED_OUT")));
        rows.put("lost", Long.toString(count("LOST")));
        rows.put("results_published_twice", Long.toString(publishedTwice()));
        rows.put("runs_restarted_after_crash", Long.toString(runsRestarted));
        rows.put("faults", Integer.toString(faults.size()));
        rows.put("seconds", Long.toString(seconds));
        return rows;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Reliability under injected faults\n\n");
        md.append("`./faasflow chaos").append(settings.quick() ? " --quick" : "").append(" --seed ").append(settings.seed())
                .append(settings.brokers() == 1 ? "" : " --brokers " + settings.brokers())
                .append("`: a supervised cluster of ").append(ChaosSettings.NODES).append(" nodes (").append(settings.brokers() == 1 ? "the broker in a process of its own"
                        : settings.brokers() + " brokers, each a process of its own; topics with " + settings.brokers()
                        + " replicas, min.insync.replicas 2").append("),")
                .append(" ").append(ChaosSettings.CLIENTS).append(" closed-loop clients over the 8 benchmark workflows")
                .append(" (synthetic functions), while the faults below hit every process; ").append(seconds)
                .append(" s in all.\n\n");
        md.append("| measure | value |\n|---|---|\n");
        summaryRows().forEach((key, value) -> md.append("| ").append(key.replace('_', ' ')).append(" | ").append(value).append(" |\n"));
        md.append("\nFailed and timed-out invocations by cause, with the message of the first:\n\n")
                .append("| cause | invocations | first message |\n|---|---|---|\n");
        failuresByCause().forEach((cause, n) -> md.append("| ").append(cause).append(" | ").append(n).append(" | ")
                .append(firstMessage(cause)).append(" |\n"));
        if (failuresByCause().isEmpty()) {
            md.append("| none | 0 | |\n");
        }
        List<Outcome> lost = outcomes.stream().filter(outcome -> "LOST".equals(outcome.status())).toList();
        if (!lost.isEmpty()) {
            md.append("\nLost invocations (accepted, no final status), to look up in the topics and logs:\n\n");
            lost.forEach(outcome -> md.append("- `").append(outcome.id()).append("` (").append(outcome.workflow())
                    .append(", submitted at ").append(java.time.Instant.ofEpochMilli(outcome.submittedAt())).append(")\n"));
        }
        md.append("\n| fault | pid | back after (s) | next success after (s) |\n|---|---|---|---|\n");
        for (InjectedFault fault : faults) {
            md.append("| ").append(fault.fault().label()).append(" | ").append(fault.pid()).append(" | ")
                    .append(decimal(backAfter(fault))).append(" | ").append(decimal(nextSuccessAfter(fault))).append(" |\n");
        }
        md.append("""

                *lost*: accepted by the ingress (it answered with an id) but with no final status within the deadline.
                *results published twice*: invocation ids with more than one record on `workflow-results` (a home node
                that crashed after publishing and before its state said so publishes the same end again).
                *runs restarted after crash*: function runs a restarted scheduler started again because they were
                running when it died (their outputs are written again under the same keys). *back after*: from the
                fault until the supervisor had the process ready again (a pause: until SIGCONT). *next success after*:
                until the first invocation submitted after the fault succeeded. Invocations whose data was on a killed
                Redis or the in-memory CouchDB stand-in fail after their retries with the storage error, which names
                the missing key; none waits for ever.
                """);
        return md.toString();
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
