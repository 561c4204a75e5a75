package io.faasflow.experiments.replay;

import io.faasflow.experiments.bench.ResultFiles;
import io.faasflow.topology.wire.InvocationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Writes a replay's per-invocation CSV and its summary JSON. */
public final class ReplayFiles {
    static final String CSV_HEADER = "id,workflow,phase,scheduled_ms,sent_ms,status,latency_ms,cluster_e2e_ms,error";

    private ReplayFiles() {
    }

    /** Writes {@code <name>.csv} and {@code <name>-summary.json} into {@code folder}; returns the two paths. */
    public static List<Path> write(Path folder, String name, ReplayRun run, ReplaySummary summary) {
        ResultFiles files = new ResultFiles(folder);
        List<String> rows = new ArrayList<>();
        run.records().stream().sorted(Comparator.comparingLong(ReplayRecord::sentNanos)).forEach(record -> rows.add(row(record)));
        return List.of(files.csv(name + ".csv", CSV_HEADER, rows), files.json(name + "-summary.json", summary));
    }

    static String row(ReplayRecord record) {
        Completion completion = record.completion();
        InvocationResult result = completion.result();
        String e2e = result == null || result.submittedAt() == 0 ? ""
                : Long.toString(result.finishedAt() - result.submittedAt());
        String error = result != null && result.error() != null ? result.error().type() + ": " + result.error().message()
                : completion.detail() == null ? "" : completion.detail();
        return String.join(",", completion.id(), completion.target().workflow(), record.phase(),
                record.scheduledNanos() < 0 ? "" : millis(record.scheduledNanos()), millis(record.sentNanos()),
                completion.status(), completion.outcome() == Completion.Outcome.RESULT ? millis(completion.latencyMillis() * 1e6) : "",
                e2e, quote(error));
    }

    private static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static String quote(String text) {
        return text.isEmpty() ? "" : "\"" + text.replace("\"", "\"\"").replace('\n', ' ') + "\"";
    }
}
