package io.faasflow.experiments.paper;

import io.faasflow.experiments.replay.ArrivalRate;
import io.faasflow.experiments.replay.OpenLoopArrivals;
import io.faasflow.experiments.replay.ReplayRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Component overhead (FAASFLOW.md §6.2): CPU (cores) and resident memory of node schedulers, idle and while the
 * 8 workflows arrive in open loop. Node 0 is the master in MasterSP; node 1 is a worker in both.
 */
final class ComponentOverheadExperiment implements Experiment {
    private static final int[] WATCHED = {0, 1};
    private final List<Row> rows = new ArrayList<>();
    private String load = "";

    record Row(Configuration configuration, String node, String phase, double cores, double rssMb, double peakRssMb) {
    }

    @Override
    public String name() {
        return "component-overhead";
    }

    @Override
    public void measure(ExperimentSession session, Configuration configuration, ExperimentCluster cluster)
            throws InterruptedException {
        Duration idle = Duration.ofSeconds(session.settings().quick() ? 3 : 10);
        Duration busy = Duration.ofSeconds(session.settings().quick() ? 5 : 20);
        ArrivalRate rate = new ArrivalRate(4);
        load = "the 8 workflows in turn at " + rate.describe() + " (open loop) for " + busy.toSeconds() + " s";
        session.out().println(configuration.label() + ": node schedulers idle for " + idle.toSeconds() + " s, then under " + load);
        sample(configuration, cluster, "idle", idle);
        CompletableFuture<ReplayRun> replay = CompletableFuture.supplyAsync(() -> {
            try {
                return cluster.openLoop(OpenLoopArrivals.fixedRate(rate, busy,
                        PaperWorkflows.all().stream().map(PaperWorkflow::target).toList()), "load", 0, session.clientTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        try {
            sample(configuration, cluster, "under load", busy);
        } finally {
            replay.join();
        }
    }

    private void sample(Configuration configuration, ExperimentCluster cluster, String phase, Duration window)
            throws InterruptedException {
        ProcessSample[] first = new ProcessSample[WATCHED.length];
        long[] peak = new long[WATCHED.length];
        for (int i = 0; i < WATCHED.length; i++) {
            first[i] = ProcessSample.of(cluster.local().schedulerPid(WATCHED[i]));
        }
        long end = System.nanoTime() + window.toNanos();
        ProcessSample[] last = first.clone();
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            for (int i = 0; i < WATCHED.length; i++) {
                last[i] = ProcessSample.of(cluster.local().schedulerPid(WATCHED[i]));
                peak[i] = Math.max(peak[i], last[i].rssBytes());
            }
        }
        for (int i = 0; i < WATCHED.length; i++) {
            String role = WATCHED[i] == 0 && configuration == Configuration.MASTERSP ? "node 0 (master)" : "node " + WATCHED[i];
            rows.add(new Row(configuration, role, phase, last[i].coresSince(first[i]), last[i].rssBytes() / 1e6, peak[i] / 1e6));
        }
    }

    @Override
    public List<String> report(ReportWriter writer) {
        Map<String, Double> paper = PaperFigures.componentOverhead();
        StringBuilder table = new StringBuilder("| configuration | scheduler | phase | CPU (cores) | RSS (MB) | peak RSS (MB) |\n"
                + "|---|---|---|---:|---:|---:|\n");
        List<String> csv = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Double>> cpuBars = new java.util.LinkedHashMap<>();
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", row.configuration().label(), row.node(),
                    row.phase(), Figures.text(row.cores()), Figures.text(row.rssMb()), Figures.text(row.peakRssMb())));
            csv.add(String.join(",", row.configuration().fileTag(), row.node(), row.phase(), Figures.csv(row.cores()),
                    Figures.csv(row.rssMb()), Figures.csv(row.peakRssMb())));
            cpuBars.computeIfAbsent(row.node() + ", " + row.phase(), k -> new java.util.LinkedHashMap<>())
                    .put(row.configuration().label(), row.cores());
            if (!Double.isFinite(row.cores()) || !Double.isFinite(row.rssMb())) {
                problems.add(name() + ": " + row + " is not finite");
            }
        }
        if (rows.size() != 2 * WATCHED.length * Configuration.values().length) {
            problems.add(name() + ": expected " + 2 * WATCHED.length * Configuration.values().length + " samples, got " + rows.size());
        }
        table.append(String.format(Locale.ROOT, "| paper (FaaSFlow worker proxy, Python) | one worker | not stated | %s | %s | |%n",
                Figures.text(paper.get("cpu_cores")), Figures.text(paper.get("memory_mb"))));
        writer.csv("component-overhead.csv", "configuration,scheduler,phase,cpu_cores,rss_mb,peak_rss_mb", csv);
        writer.bars("component-overhead-cpu.png", "Node scheduler CPU", "cores", cpuBars);
        writer.markdown(ReportText.header(writer, "Component overhead", """
                CPU and resident memory of node scheduler processes (JVMs with `-Xmx512m -XX:+UseSerialGC`, functions
                embedded in them), sampled from `/proc` once a second: idle, then under %s. The original sampled its
                worker proxy once, under a load it does not state.
                """.formatted(load)) + table + "\n" + writer.image("component-overhead-cpu.png", "scheduler CPU") + "\n");
        return problems;
    }
}
