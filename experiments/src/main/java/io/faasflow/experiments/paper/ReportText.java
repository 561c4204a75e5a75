package io.faasflow.experiments.paper;

import java.util.Locale;

/** Shared text of the markdown sections: title, method, how the run was set up, mean ratios. */
final class ReportText {
    private static ExperimentSettings settings;

    private ReportText() {
    }

    static void use(ExperimentSettings current) {
        settings = current;
    }

    static String header(ReportWriter writer, String title, String method) {
        return "# " + title + "\n\n" + method.strip() + "\n\n" + setup() + "\n\nFiles: `" + writer.name() + "/` (CSV, PNG).\n\n";
    }

    static String setup() {
        return String.format(Locale.ROOT, "Run: %s, %d worker nodes per cluster, one cluster per configuration (FaaSFlow ="
                        + " WorkerSP + grouping placement with node-local data; MasterSP = master-side scheduling + hash"
                        + " placement with every datum in CouchDB); synthetic functions at runtime scale %s and size scale %s"
                        + " (the experiments' clock runs %sx faster than the paper's: its rates are multiplied and its"
                        + " time-outs divided by that).", settings.quick() ? "`--quick`" : "full", settings.nodes(),
                settings.runtimeScale(), settings.sizeScale(), Figures.text(1 / settings.runtimeScale()));
    }

    static String ratioSummary(WorkflowTable table) {
        return String.format(Locale.ROOT, "%nGeometric mean of FaaSFlow/MasterSP over the workflows: ours %s, paper %s.%n",
                Figures.text(table.meanRatio(table.ours())), Figures.text(table.meanRatio(table.paper())));
    }
}
