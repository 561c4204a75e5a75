package io.faasflow.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Per workflow: median scheduling overhead under WorkerSP and under MasterSP, and their ratio; CSV or markdown. */
final class ComparisonTable {
    static final String CSV_HEADER = "workflow,worker_median_overhead_ms,master_median_overhead_ms,master_over_worker";

    /** One workflow's cells. */
    record Row(String workflow, OverheadCell worker, OverheadCell master) {
        /** MasterSP / WorkerSP; {@code failed} when either side has no figure, {@code n/a} when WorkerSP's is not positive. */
        String ratio() {
            if (!worker.complete() || !master.complete()) {
                return "failed";
            }
            return worker.medianMillis() > 0 ? String.format(Locale.ROOT, "%.2f", master.medianMillis() / worker.medianMillis())
                    : "n/a";
        }
    }

    private final List<Row> rows;

    ComparisonTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    List<String> csvRows() {
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            lines.add(String.join(",", row.workflow(), row.worker().text(), row.master().text(), row.ratio()));
        }
        return lines;
    }

    String markdown() {
        StringBuilder text = new StringBuilder(
                "| workflow | WorkerSP median overhead (ms) | MasterSP median overhead (ms) | MasterSP / WorkerSP |\n"
                        + "|---|---:|---:|---:|\n");
        for (Row row : rows) {
            text.append("| ").append(row.workflow()).append(" | ").append(row.worker().text()).append(" | ")
                    .append(row.master().text()).append(" | ").append(row.ratio()).append(" |\n");
        }
        return text.toString();
    }
}
