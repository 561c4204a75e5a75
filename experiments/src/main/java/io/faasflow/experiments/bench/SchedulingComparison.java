package io.faasflow.experiments.bench;

import io.faasflow.experiments.cluster.ClusterOptions;
import io.faasflow.experiments.cluster.SchedulingMode;
import io.faasflow.experiments.demo.DemoWorkflow;
import io.faasflow.experiments.demo.InvocationReport;
import io.faasflow.experiments.demo.RunOutcome;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code compare-scheduling}: the demo workflows on a cluster in WorkerSP mode, then on a fresh one in MasterSP
 * mode; per workflow the median scheduling overhead (e2e minus critical path) in each and their ratio, printed
 * and written as CSV and markdown, with every invocation in a samples CSV.
 */
public final class SchedulingComparison {
    private SchedulingComparison() {
    }

    /**
     * @param clusters the cluster to start for a mode (each needs a work directory of its own)
     * @return the number of invocations that failed, in both modes
     */
    public static int run(Function<SchedulingMode, ClusterOptions> clusters, List<DemoWorkflow> workflows, int warmups,
            int runs, Path resultDir, PrintStream out) throws InterruptedException {
        Map<SchedulingMode, Map<String, List<RunOutcome>>> outcomes = new EnumMap<>(SchedulingMode.class);
        for (SchedulingMode mode : List.of(SchedulingMode.WORKER, SchedulingMode.MASTER)) {
            outcomes.put(mode, SchedulingSession.run(clusters.apply(mode), workflows, warmups, runs, out));
        }
        List<ComparisonTable.Row> rows = new ArrayList<>();
        for (DemoWorkflow workflow : workflows) {
            rows.add(new ComparisonTable.Row(workflow.label(),
                    OverheadCell.of(outcomes.get(SchedulingMode.WORKER).get(workflow.label())),
                    OverheadCell.of(outcomes.get(SchedulingMode.MASTER).get(workflow.label()))));
        }
        ComparisonTable table = new ComparisonTable(rows);
        String markdown = String.format(Locale.ROOT, "%d runs per workflow and mode after %d warm-ups; nearest-rank median"
                + " of e2e minus critical path; a workflow with any failed run shows how many failed.%n%n", runs, warmups)
                + table.markdown();
        out.println();
        out.print(markdown);
        ResultFiles files = new ResultFiles(resultDir);
        out.println("wrote " + files.csv("scheduling-comparison.csv", ComparisonTable.CSV_HEADER, table.csvRows()) + ", "
                + files.text("scheduling-comparison.md", markdown) + " and "
                + files.csv("scheduling-samples.csv", "mode,workflow,run,status,e2e_ms,critical_path_ms,overhead_ms",
                        samples(outcomes)));
        return (int) outcomes.values().stream().flatMap(byWorkflow -> byWorkflow.values().stream())
                .flatMap(List::stream).filter(outcome -> !outcome.succeeded()).count();
    }

    private static List<String> samples(Map<SchedulingMode, Map<String, List<RunOutcome>>> outcomes) {
        List<String> rows = new ArrayList<>();
        outcomes.forEach((mode, byWorkflow) -> byWorkflow.forEach((label, runs) -> {
            for (int i = 0; i < runs.size(); i++) {
                InvocationReport report = runs.get(i).report();
                rows.add(report == null ? String.join(",", mode.property(), label, String.valueOf(i + 1), "FAILED", "", "", "")
                        : String.format(Locale.ROOT, "%s,%s,%d,SUCCEEDED,%.3f,%.3f,%.3f", mode.property(), label, i + 1,
                                report.e2eMillis(), report.criticalPathMillis(), report.overheadMillis()));
            }
        }));
        return rows;
    }
}
