package io.faasflow.experiments.paper;

import io.faasflow.experiments.bench.NoopChain;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.replay.ArrivalRate;
import io.faasflow.experiments.replay.LatencySummary;
import io.faasflow.experiments.replay.OpenLoopArrivals;
import io.faasflow.experiments.replay.ReplayRun;
import io.faasflow.experiments.replay.ReplayTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scheduling overhead (FAASFLOW.md §6.5): per invocation, e2e minus the critical path of measured function
 * times, mean over each workflow's closed-loop run alone; and the throughput of a 10-function no-op chain in
 * open loop, the speed target of the engine.
 */
final class SchedulingOverheadExperiment implements Experiment {
    static final int CHAIN = 10;
    private static final String CHAIN_NAME = "noop-chain";
    private final Map<Configuration, Map<String, Double>> ours = new EnumMap<>(Configuration.class);
    private final Map<Configuration, Map<String, Double>> medians = new EnumMap<>(Configuration.class);
    private final Map<Configuration, ChainFigures> chains = new EnumMap<>(Configuration.class);

    /** The no-op chain at a requested rate: what was achieved. */
    record ChainFigures(double requestedPerSecond, double executionsPerSecond, LatencySummary latency) {
    }

    @Override
    public String name() {
        return "scheduling-overhead";
    }

    @Override
    public void measure(ExperimentSession session, Configuration configuration, ExperimentCluster cluster)
            throws InterruptedException {
        Map<String, Double> means = ours.computeIfAbsent(configuration, c -> new LinkedHashMap<>());
        Map<String, Double> middle = medians.computeIfAbsent(configuration, c -> new LinkedHashMap<>());
        for (PaperWorkflow workflow : PaperWorkflows.all()) {
            ReplayRun run = session.single(cluster, workflow);
            means.put(workflow.name(), RunFigures.mean(run, workflow, ResultFigures::overheadMillis));
            middle.put(workflow.name(), RunFigures.median(run, workflow, ResultFigures::overheadMillis));
        }
        chains.put(configuration, chain(session, configuration, cluster));
    }

    private static ChainFigures chain(ExperimentSession session, Configuration configuration, ExperimentCluster cluster)
            throws InterruptedException {
        new IngressClient(cluster.local().ingressUrl(), cluster.local().apiToken()).deploy(CHAIN_NAME, NoopChain.yaml(CHAIN), false, configuration.placement());
        ArrivalRate rate = new ArrivalRate(session.settings().quick() ? 100 : 200);
        Duration duration = Duration.ofSeconds(session.settings().quick() ? 4 : 20);
        session.out().println(configuration.label() + ": " + CHAIN + "-function no-op chain at " + rate.describe()
                + " for " + duration.toSeconds() + " s");
        ReplayRun run = cluster.openLoop(OpenLoopArrivals.fixedRate(rate, duration, List.of(new ReplayTarget(CHAIN_NAME, null))),
                "no-op chain", 20, Duration.ofSeconds(30));
        LatencySummary latency = LatencySummary.of(run.measured());
        double seconds = run.measured().stream().mapToLong(r -> r.completion().endedNanos()).max().orElse(run.startNanos())
                - run.startNanos();
        return new ChainFigures(rate.perSecond(), latency.succeeded() * (double) CHAIN / (seconds / 1e9), latency);
    }


    @Override
    public List<String> report(ReportWriter writer) {
        Map<Configuration, Map<String, Double>> paperMillis = new EnumMap<>(Configuration.class);
        WorkflowTable.paper("schedule_overhead", "WorkerSP.csv", "MasterSP.csv").forEach((configuration, values) -> {
            Map<String, Double> millis = new LinkedHashMap<>();
            values.forEach((workflow, seconds) -> millis.put(workflow, seconds == null ? null : seconds * 1000));
            paperMillis.put(configuration, millis);
        });
        WorkflowTable table = new WorkflowTable("scheduling overhead", "ms", "ms", PaperWorkflows.ORDER, ours, paperMillis);
        WorkflowTable medianTable = new WorkflowTable("median scheduling overhead", "ms", "ms", PaperWorkflows.ORDER,
                medians, paperMillis);
        String body = table.write(writer, "scheduling-overhead", "Scheduling overhead per invocation");
        writer.csv("scheduling-overhead-median.csv", medianTable.csvHeader(), medianTable.csvRows());
        List<String> problems = new ArrayList<>(table.problems(name()));
        problems.addAll(medianTable.problems(name()));
        writer.markdown(ReportText.header(writer, "Scheduling overhead", """
                Per invocation, end-to-end latency (the client's submission to the last function's end) minus the sum
                of measured function times along the heaviest path of the DAG, averaged over each workflow's
                closed-loop run alone after the warm-ups (the original's method; its per-workflow means are below).
                Everything on the critical path that is not inside a function: Kafka hops, triggers, state, the
                master's round trips in MasterSP.
                """) + body + ReportText.ratioSummary(table) + "\nMedians (ms), ours:\n\n" + medianTable.markdown()
                + "\n" + targets(table) + chainSection(writer, problems));
        return problems;
    }

    private String targets(WorkflowTable table) {
        StringBuilder text = new StringBuilder("## Targets\n\n");
        Map<String, Double> faasflow = ours.getOrDefault(Configuration.FAASFLOW, Map.of());
        long within = PaperWorkflows.ORDER.stream().filter(w -> faasflow.get(w) != null && faasflow.get(w) <= 10).count();
        text.append(String.format(Locale.ROOT, "- FaaSFlow's mean overhead is at most 10 ms on %d of %d workflows.%n", within,
                PaperWorkflows.ORDER.size()));
        long fiveTimes = PaperWorkflows.ORDER.stream().filter(w -> {
            Double r = Figures.ratio(table.ours(Configuration.FAASFLOW, w), table.ours(Configuration.MASTERSP, w));
            return r != null && Double.isFinite(r) && r <= 0.2;
        }).count();
        text.append(String.format(Locale.ROOT, "- FaaSFlow is at least 5x lower than MasterSP on %d of %d workflows.%n",
                fiveTimes, PaperWorkflows.ORDER.size()));
        return text.toString();
    }

    private String chainSection(ReportWriter writer, List<String> problems) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%n## %d-function no-op chain, open loop%n%n"
                + "| configuration | requested invocations/s | function executions/s | succeeded | failed | timed out | p50 ms | p99 ms |%n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|%n", CHAIN));
        List<String> rows = new ArrayList<>();
        chains.forEach((configuration, chain) -> {
            LatencySummary l = chain.latency();
            text.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %s | %s |%n", configuration.label(),
                    Figures.text(chain.requestedPerSecond()), Figures.text(chain.executionsPerSecond()), l.succeeded(),
                    l.failed(), l.timedOut(), Figures.text(l.p50Millis()), Figures.text(l.p99Millis())));
            rows.add(String.join(",", configuration.fileTag(), Figures.csv(chain.requestedPerSecond()),
                    Figures.csv(chain.executionsPerSecond()), Integer.toString(l.succeeded()), Integer.toString(l.failed()),
                    Integer.toString(l.timedOut()), Figures.csv(l.p50Millis()), Figures.csv(l.p99Millis())));
            if (l.p99Millis() == null || !Double.isFinite(chain.executionsPerSecond())) {
                problems.add(name() + ": the no-op chain in " + configuration.label() + " has no latency figures");
            }
        });
        writer.csv("noop-chain.csv", "configuration,requested_per_s,executions_per_s,succeeded,failed,timed_out,p50_ms,p99_ms",
                rows);
        return text.append("\nTarget: at least 2,000 function executions per second with p99 under 250 ms.\n").toString();
    }
}
