package io.faasflow.experiments.paper;

import io.faasflow.experiments.bench.PartitionerFootprint;
import io.faasflow.experiments.bench.PartitionerFootprint.Footprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Scheduler scalability (FAASFLOW.md §6.1): CPU time and peak memory of a process that loads one generated DAG
 * and plans it, for 10 to 200 functions (the original's genome DAGs) and 1,000 (a layered DAG); FaaSFlow's
 * grouping partitioner against MasterSP's hash spread.
 */
final class SchedulerScalabilityExperiment implements Experiment {
    private final Map<Configuration, Map<String, Footprint>> figures = new EnumMap<>(Configuration.class);
    private List<String> dags = List.of();

    @Override
    public String name() {
        return "scheduler-scalability";
    }

    @Override
    public boolean needsCluster() {
        return false;
    }

    @Override
    public void measure(ExperimentSession session, Configuration configuration, ExperimentCluster cluster)
            throws InterruptedException {
        dags = session.settings().quick() ? List.of("wdl-10", "wdl-50", "wdl-200")
                : List.of("wdl-10", "wdl-25", "wdl-50", "wdl-100", "wdl-200", "layered-1000");
        String planner = configuration == Configuration.FAASFLOW ? "grouping" : "raw";
        Map<String, Footprint> results = figures.computeIfAbsent(configuration, c -> new LinkedHashMap<>());
        for (String dag : dags) {
            try {
                results.put(dag, PartitionerFootprint.measure(dag, planner));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            session.out().println(configuration.label() + ": planned " + dag + " with " + planner);
        }
    }

    private static int functions(String dag) {
        return Integer.parseInt(dag.substring(dag.indexOf('-') + 1));
    }

    @Override
    public List<String> report(ReportWriter writer) {
        Map<Integer, double[]> paper = new TreeMap<>();
        for (double[] row : PaperFigures.schedulerScalability()) {
            paper.put((int) row[0], row);
        }
        StringBuilder table = new StringBuilder("| functions | FaaSFlow core-s | FaaSFlow planning CPU s | FaaSFlow peak MB"
                + " | MasterSP core-s | MasterSP planning CPU s | MasterSP peak MB | paper core-s | paper MB |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, SortedMap<Double, Double>> cpu = new LinkedHashMap<>();
        Map<String, SortedMap<Double, Double>> planning = new LinkedHashMap<>();
        for (String dag : dags) {
            int n = functions(dag);
            Footprint f = figures.getOrDefault(Configuration.FAASFLOW, Map.of()).get(dag);
            Footprint m = figures.getOrDefault(Configuration.MASTERSP, Map.of()).get(dag);
            if (f == null || m == null) {
                problems.add(name() + ": no figures for " + dag);
                continue;
            }
            double[] p = paper.get(n);
            table.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s | %s | %s |%n", n,
                    Figures.text(f.processCpuSeconds()), Figures.text(f.planCpuSeconds()), Figures.text(f.peakRssKib() / 1024.0),
                    Figures.text(m.processCpuSeconds()), Figures.text(m.planCpuSeconds()), Figures.text(m.peakRssKib() / 1024.0),
                    p == null ? "-" : Figures.text(p[1]), p == null ? "-" : Figures.text(p[2])));
            rows.add(String.format(Locale.ROOT, "%d,%s,%.6f,%.6f,%.1f,%.6f,%.6f,%.1f,%s,%s", n, dag, f.processCpuSeconds(),
                    f.planCpuSeconds(), f.peakRssKib() / 1024.0, m.processCpuSeconds(), m.planCpuSeconds(), m.peakRssKib() / 1024.0,
                    p == null ? "" : Figures.csv(p[1]), p == null ? "" : Figures.csv(p[2])));
            cpu.computeIfAbsent("FaaSFlow, whole process", k -> new TreeMap<>()).put((double) n, f.processCpuSeconds());
            cpu.computeIfAbsent("MasterSP, whole process", k -> new TreeMap<>()).put((double) n, m.processCpuSeconds());
            planning.computeIfAbsent("FaaSFlow, planning call", k -> new TreeMap<>()).put((double) n, f.planCpuSeconds());
            planning.computeIfAbsent("MasterSP, planning call", k -> new TreeMap<>()).put((double) n, m.planCpuSeconds());
            if (p != null) {
                cpu.computeIfAbsent("paper (FaaSFlow, Python process)", k -> new TreeMap<>()).put((double) n, p[1]);
            }
        }
        writer.csv("scheduler-scalability.csv", "functions,dag,faasflow_core_s,faasflow_plan_cpu_s,faasflow_peak_mb,"
                + "mastersp_core_s,mastersp_plan_cpu_s,mastersp_peak_mb,paper_core_s,paper_mb", rows);
        writer.lines("scheduler-scalability-cpu.png", "Planning a workflow: CPU of the whole process", "functions", "core-seconds", cpu);
        writer.lines("scheduler-scalability-plan.png", "Planning a workflow: CPU of the planning call", "functions", "CPU seconds",
                planning);
        writer.markdown(ReportText.header(writer, "Scheduler scalability", """
                Each DAG is planned in a fresh JVM (`PartitionerFootprint`), as the original ran `grouping.py` as a
                subprocess: CPU time of the whole process (JVM start, class loading, parsing, planning) and its peak
                resident memory (`VmHWM`), and the CPU time of the planning call alone. FaaSFlow runs the grouping
                partitioner (7 nodes or more, scale limit 200 as the original's copy); MasterSP's hash spread is the
                baseline. 10 to 200 functions are the original's genome DAGs; 1,000 is a layered DAG.
                """) + table + "\n" + writer.image("scheduler-scalability-cpu.png", "process CPU") + "\n"
                + writer.image("scheduler-scalability-plan.png", "planning CPU") + "\n");
        return problems;
    }
}
