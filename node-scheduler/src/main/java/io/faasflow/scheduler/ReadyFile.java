package io.faasflow.scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file of {@code faasflow.ready-file}: present while the scheduler consumes its partitions, so that a container
 * health check needs no more than a file test. No file is written when the setting is absent.
 */
final class ReadyFile {
    private final Path path;

    private ReadyFile(Path path) {
        this.path = path;
    }

    /** Writes the file, holding the scheduler's process id; {@code path} may be null (no file). */
    static ReadyFile write(Path path) {
        if (path != null) {
            try {
                Files.writeString(path, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the ready file " + path + " (faasflow.ready-file)", e);
            }
        }
        return new ReadyFile(path);
    }

    /**
     * Removes a file a previous run left behind (a killed scheduler removes nothing), so that a restarted container
     * is not healthy before it consumes its partitions again.
     */
    static void removeLeftOver(Path path) {
        new ReadyFile(path).remove();
    }

    void remove() {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                System.err.println("cannot remove the ready file " + path + ": " + e.getMessage());
            }
        }
    }
}
