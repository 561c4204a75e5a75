package io.faasflow.experiments.paper;

import io.faasflow.experiments.bench.ResultFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Where one experiment's report goes: {@code <out>/<name>.md} and, beside it, {@code <out>/<name>/} with its CSV
 * files and plots. Remembers every file it wrote.
 */
final class ReportWriter {
    private final Path out;
    private final String name;
    private final ResultFiles files;
    private final List<Path> written = new ArrayList<>();

    ReportWriter(Path out, String name) {
        this.out = out;
        this.name = name;
        this.files = new ResultFiles(out.resolve(name));
    }

    String name() {
        return name;
    }

    /** The folder of the CSV files and plots, for raw per-invocation files. */
    Path folder() {
        return out.resolve(name);
    }

    Path csv(String file, String header, List<String> rows) {
        return remember(files.csv(file, header, rows));
    }

    Path bars(String file, String title, String valueAxis, Map<String, Map<String, Double>> values) {
        return remember(Charts.bars(folder().resolve(file), title, valueAxis, values));
    }

    Path lines(String file, String title, String xAxis, String yAxis, Map<String, SortedMap<Double, Double>> series) {
        return remember(Charts.lines(folder().resolve(file), title, xAxis, yAxis, series));
    }

    /** Writes the markdown section; links to files of this report are relative to it ({@code <name>/file}). */
    Path markdown(String text) {
        Path file = out.resolve(name + ".md");
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return remember(file);
    }

    Path remember(Path file) {
        written.add(file);
        return file;
    }

    List<Path> written() {
        return List.copyOf(written);
    }

    /** A markdown image of a plot in this report's folder. */
    String image(String file, String alt) {
        return "![" + alt + "](" + name + "/" + file + ")";
    }
}
