package io.faasflow.experiments.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes benchmark output: a JSON summary, CSV samples and text tables in one folder. */
public final class ResultFiles {
    private final Path folder;

    public ResultFiles(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path json(String name, Object summary) {
        Path file = folder.resolve(name);
        try {
            Files.write(file, WireJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(summary));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} as is, e.g. a markdown table. */
    public Path text(String name, String text) {
        Path file = folder.resolve(name);
        try {
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path csv(String name, String header, List<String> rows) {
        Path file = folder.resolve(name);
        try {
            Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
