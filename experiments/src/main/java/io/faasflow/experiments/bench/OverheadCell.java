package io.faasflow.experiments.bench;

import io.faasflow.experiments.demo.RunOutcome;
import java.util.List;
import java.util.Locale;

/**
 * The median scheduling overhead (e2e minus critical path) of one workflow's runs in one scheduling mode. A
 * median of only the runs that succeeded would hide the failures, so any failed run makes the cell "failed".
 *
 * @param medianMillis nearest-rank median of the overheads; NaN unless every run succeeded
 */
public record OverheadCell(int runs, int failed, double medianMillis) {

    static OverheadCell of(List<RunOutcome> outcomes) {
        int failed = (int) outcomes.stream().filter(outcome -> !outcome.succeeded()).count();
        double median = failed > 0 ? Double.NaN : Percentiles.of(outcomes.stream()
                .map(outcome -> outcome.report().overheadMillis()).toList()).p50();
        return new OverheadCell(outcomes.size(), failed, median);
    }

    /** Whether there is a figure: at least one run, and none failed. */
    public boolean complete() {
        return runs > 0 && failed == 0;
    }

    /** The median in ms with one decimal, or {@code failed (k of n)}. */
    public String text() {
        return complete() ? String.format(Locale.ROOT, "%.1f", medianMillis)
                : String.format(Locale.ROOT, "failed (%d of %d)", failed, runs);
    }
}
