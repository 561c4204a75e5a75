package io.faasflow.experiments.paper;

import io.faasflow.experiments.replay.ReplayRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end latency (FAASFLOW.md §6.4): the mean client latency of each workflow alone in a closed loop, and of
 * all 8 at once (co-run, one closed-loop client each), with the degradation co-run/alone.
 */
final class E2eLatencyExperiment implements Experiment {
    private final Map<Configuration, Map<String, Double>> single = new EnumMap<>(Configuration.class);
    private final Map<Configuration, Map<String, Double>> corun = new EnumMap<>(Configuration.class);

    @Override
    public String name() {
        return "e2e-latency";
    }

    @Override
    public void measure(ExperimentSession session, Configuration configuration, ExperimentCluster cluster)
            throws InterruptedException {
        Map<String, Double> alone = single.computeIfAbsent(configuration, c -> new LinkedHashMap<>());
        for (PaperWorkflow workflow : PaperWorkflows.all()) {
            alone.put(workflow.name(), RunFigures.meanLatencyMillis(session.single(cluster, workflow), workflow));
        }
        Duration duration = session.singleDuration().multipliedBy(session.settings().quick() ? 2 : 1);
        session.out().println(configuration.label() + ": all 8 workflows at once, closed loops for " + duration.toSeconds() + " s");
        ReplayRun run = cluster.closedLoop(PaperWorkflows.all().stream().map(PaperWorkflow::target).toList(), 0, duration,
                session.clientTimeout());
        Map<String, Double> together = corun.computeIfAbsent(configuration, c -> new LinkedHashMap<>());
        for (PaperWorkflow workflow : PaperWorkflows.all()) {
            together.put(workflow.name(), RunFigures.meanLatencyMillis(run, workflow));
        }
    }

    @Override
    public List<String> report(ReportWriter writer) {
        WorkflowTable alone = new WorkflowTable("e2e latency alone", "ms", "s", PaperWorkflows.ORDER, single,
                WorkflowTable.paper("e2e_latency_and_colocation", "optimized_single.csv", "raw_single.csv"));
        WorkflowTable together = new WorkflowTable("e2e latency co-run", "ms", "s", PaperWorkflows.ORDER, corun,
                WorkflowTable.paper("e2e_latency_and_colocation", "optimized_corun.csv", "raw_corun.csv"));
        String aloneText = alone.write(writer, "e2e-single", "E2E latency, each workflow alone");
        String togetherText = together.write(writer, "e2e-corun", "E2E latency, all 8 at once");
        List<String> problems = new ArrayList<>(alone.problems(name()));
        problems.addAll(together.problems(name()));
        writer.markdown(ReportText.header(writer, "End-to-end latency, alone and co-run", """
                Mean client latency (sending the invocation record to reading its result from `workflow-results`)
                after the warm-ups. Alone: each workflow in a closed loop by itself. Co-run: the 8 closed loops at
                once, started together (the original staggered them by 5 s). The degradation is co-run / alone.
                """) + "## Alone\n\n" + aloneText + ReportText.ratioSummary(alone) + "\n## Co-run\n\n" + togetherText
                + ReportText.ratioSummary(together) + "\n" + degradation(writer, alone, together));
        return problems;
    }

    private String degradation(ReportWriter writer, WorkflowTable alone, WorkflowTable together) {
        StringBuilder text = new StringBuilder("## Degradation, co-run / alone\n\n| workflow | FaaSFlow, ours | MasterSP, ours"
                + " | FaaSFlow, paper | MasterSP, paper |\n|---|---:|---:|---:|---:|\n");
        List<String> rows = new ArrayList<>();
        Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
        for (String workflow : PaperWorkflows.ORDER) {
            Double f = Figures.ratio(together.ours(Configuration.FAASFLOW, workflow), alone.ours(Configuration.FAASFLOW, workflow));
            Double m = Figures.ratio(together.ours(Configuration.MASTERSP, workflow), alone.ours(Configuration.MASTERSP, workflow));
            Double pf = Figures.ratio(together.paper().get(Configuration.FAASFLOW).get(workflow),
                    alone.paper().get(Configuration.FAASFLOW).get(workflow));
            Double pm = Figures.ratio(together.paper().get(Configuration.MASTERSP).get(workflow),
                    alone.paper().get(Configuration.MASTERSP).get(workflow));
            text.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", workflow, Figures.text(f), Figures.text(m),
                    Figures.text(pf), Figures.text(pm)));
            rows.add(String.join(",", workflow, Figures.csv(f), Figures.csv(m), Figures.csv(pf), Figures.csv(pm)));
            Map<String, Double> series = new LinkedHashMap<>();
            series.put("FaaSFlow (ours)", Figures.plottable(f));
            series.put("MasterSP (ours)", Figures.plottable(m));
            series.put("FaaSFlow (paper)", Figures.plottable(pf));
            series.put("MasterSP (paper)", Figures.plottable(pm));
            bars.put(workflow, series);
        }
        writer.csv("degradation.csv", "workflow,faasflow,mastersp,paper_faasflow,paper_mastersp", rows);
        writer.bars("degradation.png", "Co-run degradation (co-run / alone)", "degradation", bars);
        return text.append("\n").append(writer.image("degradation.png", "co-run degradation")).append("\n").toString();
    }
}
