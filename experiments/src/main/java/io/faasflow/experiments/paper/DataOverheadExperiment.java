package io.faasflow.experiments.paper;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data overhead (FAASFLOW.md §6.3): per invocation, the sum of every put and fetch time of every function, mean
 * over each workflow's closed-loop run alone.
 */
final class DataOverheadExperiment implements Experiment {
    private final Map<Configuration, Map<String, Double>> ours = new EnumMap<>(Configuration.class);

    @Override
    public String name() {
        return "data-overhead";
    }

    @Override
    public void measure(ExperimentSession session, Configuration configuration, ExperimentCluster cluster)
            throws InterruptedException {
        Map<String, Double> figures = ours.computeIfAbsent(configuration, c -> new LinkedHashMap<>());
        for (PaperWorkflow workflow : PaperWorkflows.all()) {
            figures.put(workflow.name(), RunFigures.mean(session.single(cluster, workflow), workflow, ResultFigures::dataSeconds));
        }
    }

    @Override
    public List<String> report(ReportWriter writer) {
        WorkflowTable table = new WorkflowTable("data overhead", "s", "s", PaperWorkflows.ORDER, ours,
                WorkflowTable.paper("data_overhead", "optimized.csv", "raw.csv"));
        String body = table.write(writer, "data-overhead", "Data overhead per invocation");
        writer.markdown(ReportText.header(writer, "Data overhead", """
                Per invocation, the sum over every function of the time it spent in store puts and fetches (Redis for
                node-local data, CouchDB for the rest), averaged over each workflow's closed-loop run alone after the
                warm-ups: the original's "edge" phase. A sum across parallel functions, not a critical-path time.
                FaaSFlow keeps data between functions of one node in that node's Redis; MasterSP ("raw") puts every
                datum in CouchDB. Our data are the declared sizes times the size scale, so compare the ratios.
                """) + body + ReportText.ratioSummary(table));
        return table.problems(name());
    }
}
