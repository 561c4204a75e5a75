package io.faasflow.experiments.paper;

import io.faasflow.experiments.cluster.CapCheck;
import io.faasflow.experiments.cluster.ShapedStoreNetwork;
import io.faasflow.experiments.replay.ArrivalRate;
import io.faasflow.experiments.replay.OpenLoopArrivals;
import io.faasflow.experiments.replay.ReplayRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Tail latency under a bandwidth cap (FAASFLOW.md §6.6 and §6.7): the store's traffic is capped on the wire (tc
 * on the veth of the store's network namespace, both directions); each point is an open loop at a fixed rate
 * after 2 warm-ups, and its "99%-ile" is the original's: the largest latency below 100 samples, a time-out if any
 * invocation timed out. All 8 workflows at 6 per minute and 50 MB/s; then genome and video over 25/50/75/100 MB/s
 * at rising rates, each sweep stopping at its first time-out.
 */
final class TailLatencyExperiment implements Experiment {
    static final Map<String, Map<Integer, List<Integer>>> SWEEPS = Map.of(
            "genome", Map.of(25, List.of(2, 4, 6, 8), 50, List.of(2, 4, 6, 8, 10), 75, List.of(2, 4, 6, 8, 10),
                    100, List.of(2, 4, 6, 8, 10)),
            "video", Map.of(25, List.of(4, 8, 16, 24), 50, List.of(8, 16, 24, 32, 40), 75, List.of(8, 16, 24, 32, 40),
                    100, List.of(8, 16, 24, 32, 40)));
    private static final List<Integer> BANDWIDTHS = List.of(25, 50, 75, 100);
    private final Map<Configuration, Map<String, Double>> all = new EnumMap<>(Configuration.class);
    private final Map<Configuration, Map<String, SortedMap<Double, Double>>> sweeps = new EnumMap<>(Configuration.class);
    private final List<String> sweepKeys = new ArrayList<>();
    private final Map<Configuration, String> capChecks = new EnumMap<>(Configuration.class);

    @Override
    public String name() {
        return "tail-latency";
    }

    @Override
    public boolean capsBandwidth() {
        return true;
    }

    @Override
    public void measure(ExperimentSession session, Configuration configuration, ExperimentCluster cluster)
            throws InterruptedException {
        ShapedStoreNetwork network = cluster.network();
        if (network == null) {
            throw new IllegalStateException("the tail-latency experiment needs the store in a network namespace");
        }
        boolean quick = session.settings().quick();
        try {
            double cap = session.settings().scaledBandwidth(50);
            network.cap(cap);
            CapCheck.CapMeasurement check = CapCheck.measure(cluster.local().couchUrl(), (int) Math.min(64_000_000, cap * 3));
            capChecks.put(configuration, String.format(Locale.ROOT, "%s: cap %s MB/s, measured %s MB/s to the store and %s MB/s"
                    + " from it", configuration.label(), Figures.text(cap / 1e6), Figures.text(check.putBytesPerSecond() / 1e6),
                    Figures.text(check.getBytesPerSecond() / 1e6)));
            session.out().println(capChecks.get(configuration));
            Map<String, Double> tails = all.computeIfAbsent(configuration, c -> new LinkedHashMap<>());
            for (PaperWorkflow workflow : PaperWorkflows.all()) {
                tails.put(workflow.name(), point(session, cluster, workflow, 6, 50, quick ? 3 : 12));
            }
            for (String name : List.of("genome", "video")) {
                for (int bandwidth : quick ? List.of(50) : BANDWIDTHS) {
                    network.cap(session.settings().scaledBandwidth(bandwidth));
                    List<Integer> rates = SWEEPS.get(name).get(bandwidth);
                    sweep(session, cluster, PaperWorkflows.of(name), bandwidth, quick ? rates.subList(0, 2) : rates);
                }
            }
        } finally {
            network.uncap();
        }
    }

    private void sweep(ExperimentSession session, ExperimentCluster cluster, PaperWorkflow workflow, int bandwidth,
            List<Integer> rates) throws InterruptedException {
        String key = workflow.name() + "@" + bandwidth;
        if (!sweepKeys.contains(key)) {
            sweepKeys.add(key);
        }
        SortedMap<Double, Double> points = new TreeMap<>();
        sweeps.computeIfAbsent(cluster.configuration(), c -> new LinkedHashMap<>()).put(key, points);
        boolean timedOut = false;
        for (int rpm : rates) {
            if (timedOut) {
                points.put((double) rpm, null);
                continue;
            }
            // The original ran each point for 120 s; a minute of arrivals (at least 3) keeps the sweep short.
            int arrivals = session.settings().quick() ? 3 : Math.max(3, rpm);
            Double tail = point(session, cluster, workflow, rpm, bandwidth, arrivals);
            points.put((double) rpm, tail);
            timedOut = tail == null;
        }
    }

    /** One open loop of {@code arrivals} invocations at {@code rpm} (paper clock); its tail in ms, null on a time-out. */
    private static Double point(ExperimentSession session, ExperimentCluster cluster, PaperWorkflow workflow, int rpm,
            int bandwidth, int arrivals) throws InterruptedException {
        ArrivalRate rate = new ArrivalRate(session.settings().scaledPerSecond(rpm));
        Duration window = Duration.ofNanos(rate.intervalNanos() * arrivals);
        session.out().println(cluster.configuration().label() + ": " + workflow.name() + " at " + rpm + "/min, " + bandwidth
                + " MB/s (here " + rate.describe() + ", " + Figures.text(session.settings().scaledBandwidth(bandwidth) / 1e6)
                + " MB/s), " + arrivals + " arrivals");
        ReplayRun run = cluster.openLoop(OpenLoopArrivals.fixedRate(rate, window, List.of(workflow.target())),
                workflow.name() + " at " + rpm + "/min", session.warmups(), session.tailTimeout());
        Double tail = RunFigures.tailMillis(run, workflow);
        if (tail == null) {
            cluster.drain();
        }
        return tail;
    }

    @Override
    public List<String> report(ReportWriter writer) {
        WorkflowTable table = new WorkflowTable("p99 latency at 6/min and 50 MB/s", "ms", "s", PaperWorkflows.ORDER, all,
                WorkflowTable.paper("all_tail_latency", "optimized_6rpm_50MB.csv", "raw_6rpm_50MB.csv"));
        String allText = table.write(writer, "tail-all", "p99 latency, 6 invocations/min, 50 MB/s");
        List<String> problems = new ArrayList<>(table.problems(name()));
        StringBuilder text = new StringBuilder(ReportText.header(writer, "Tail latency under a bandwidth cap", """
                The shared store (the CouchDB-compatible server) runs in a network namespace that the command makes,
                joined to the host by a veth pair; `tc` token buckets on both ends of the pair cap its traffic in each
                direction, as the original's `wondershaper` on docker0 did. A paper bandwidth B is applied as
                B x size scale / runtime scale, so a transfer takes the same share of a function's time as in the
                paper. Before the points, a 3 s transfer at the 50 MB/s cap measures the rate on the wire (listed
                below; tbf counts frame headers, so payload gets about 96% of the cap). Each point: 2 warm-ups, then an open loop at a fixed rate; "p99" is the largest latency (fewer than 100 samples, as
                the original), or timeout if any invocation had no result within the time-out (60 s on the paper's
                clock). A sweep stops at its first time-out; later rates are reported as timeout.
                """));
        capChecks.values().forEach(line -> text.append("- ").append(line).append("\n"));
        text.append("\n## All 8 workflows, 6/min at 50 MB/s\n\n").append(allText).append(ReportText.ratioSummary(table));
        text.append("\n## genome and video: p99 against load and bandwidth\n\n");
        text.append(sweepSection(writer, problems));
        writer.markdown(text.toString());
        return problems;
    }

    private String sweepSection(ReportWriter writer, List<String> problems) {
        StringBuilder text = new StringBuilder();
        List<String> csv = new ArrayList<>();
        StringBuilder sustained = new StringBuilder("| sweep | highest rate without time-out, FaaSFlow (ours) | MasterSP (ours)"
                + " | FaaSFlow (paper) | MasterSP (paper) |\n|---|---:|---:|---:|---:|\n");
        for (String key : sweepKeys) {
            String workflow = key.substring(0, key.indexOf('@'));
            String bandwidth = key.substring(key.indexOf('@') + 1);
            SortedMap<Double, Double> f = sweeps.getOrDefault(Configuration.FAASFLOW, Map.of()).getOrDefault(key, new TreeMap<>());
            SortedMap<Double, Double> m = sweeps.getOrDefault(Configuration.MASTERSP, Map.of()).getOrDefault(key, new TreeMap<>());
            SortedMap<Double, Double> pf = PaperFigures.byRate("genvid_tail_latency", "optimized_" + workflow + "_" + bandwidth + "MB.csv");
            SortedMap<Double, Double> pm = PaperFigures.byRate("genvid_tail_latency", "raw_" + workflow + "_" + bandwidth + "MB.csv");
            text.append("### ").append(workflow).append(" at ").append(bandwidth).append(" MB/s\n\n")
                    .append("| rate (/min, paper clock) | FaaSFlow, ours (ms) | MasterSP, ours (ms) | FaaSFlow, paper (s) | MasterSP, paper (s) |\n")
                    .append("|---:|---:|---:|---:|---:|\n");
            java.util.SortedSet<Double> rates = new java.util.TreeSet<>(f.keySet());
            rates.addAll(m.keySet());
            for (Double rpm : rates) {
                text.append(String.format(Locale.ROOT, "| %.0f | %s | %s | %s | %s |%n", rpm, Figures.text(f.get(rpm)),
                        Figures.text(m.get(rpm)), pf.containsKey(rpm) ? Figures.text(pf.get(rpm)) : "-",
                        pm.containsKey(rpm) ? Figures.text(pm.get(rpm)) : "-"));
                csv.add(String.format(Locale.ROOT, "%s,%s,%.0f,%s,%s,%s,%s", workflow, bandwidth, rpm, Figures.csv(f.get(rpm)),
                        Figures.csv(m.get(rpm)), pf.containsKey(rpm) ? Figures.csv(pf.get(rpm)) : "",
                        pm.containsKey(rpm) ? Figures.csv(pm.get(rpm)) : ""));
                for (Map.Entry<String, SortedMap<Double, Double>> side : Map.of("FaaSFlow", f, "MasterSP", m).entrySet()) {
                    if (!side.getValue().containsKey(rpm)) {
                        problems.add(name() + ": " + side.getKey() + " has no point at " + rpm + "/min for " + key);
                    } else if (side.getValue().get(rpm) != null && !Double.isFinite(side.getValue().get(rpm))) {
                        problems.add(name() + ": " + side.getKey() + "'s p99 at " + rpm + "/min for " + key + " is not a number");
                    }
                }
            }
            Map<String, SortedMap<Double, Double>> series = new LinkedHashMap<>();
            series.put("FaaSFlow (ours)", f);
            series.put("MasterSP (ours)", m);
            writer.lines("sweep-" + workflow + "-" + bandwidth + ".png", workflow + " at " + bandwidth + " MB/s (ours)",
                    "invocations per minute (paper clock)", "p99 latency (ms)", series);
            text.append("\n").append(writer.image("sweep-" + workflow + "-" + bandwidth + ".png", key)).append("\n\n");
            sustained.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", key, highest(f), highest(m),
                    highest(pf), highest(pm)));
        }
        writer.csv("tail-sweeps.csv", "workflow,bandwidth_mb_s,rpm,faasflow_ms,mastersp_ms,paper_faasflow_s,paper_mastersp_s", csv);
        return text.append("### Load sustained\n\n").append(sustained).toString();
    }

    /** The highest rate whose point did not time out, of the points measured. */
    private static String highest(SortedMap<Double, Double> points) {
        return points.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).reduce((a, b) -> b)
                .map(rpm -> String.format(Locale.ROOT, "%.0f/min", rpm)).orElse("none");
    }
}
