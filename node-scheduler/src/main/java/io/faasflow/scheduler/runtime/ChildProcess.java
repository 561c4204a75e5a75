package io.faasflow.scheduler.runtime;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A function server running as a child process: describes it for error messages and stops it (with whatever
 * it started itself, such as an encoder a function runs).
 */
final class ChildProcess {
    /** How long a server has to exit after SIGTERM before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int TAIL_BYTES = 4_096;
    private static final int TAIL_LINES = 20;

    private final Process process;
    private final Path log;

    /** @param log the file its output goes to; null when it inherits the scheduler's */
    ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code timeout} for the process to exit by itself, so that its exit code can be reported. */
    void awaitExit(Duration timeout) throws InterruptedException {
        process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** "pid N" with its exit code once it has exited, and its log file. */
    String describe() {
        StringBuilder text = new StringBuilder("pid ").append(process.pid());
        if (!process.isAlive()) {
            text.append(", exited with code ").append(process.exitValue());
        }
        if (log != null) {
            text.append(", log ").append(log);
        }
        return text.toString();
    }

    /** The last lines of its log, on lines of their own after a newline; empty when it has no log file. */
    String logTail() {
        if (log == null || !Files.exists(log)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            return tail.isEmpty() ? "" : "\nlast lines of " + log + ":\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "\n(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Stops the process: SIGTERM to it and its descendants, SIGKILL to whatever is left after
     * {@link #STOP_GRACE}. Returns once the process has exited. Safe to call more than once.
     */
    void stop() {
        // Listed before the server exits: its children are re-parented then and no longer its descendants.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        boolean interrupted = false;
        try {
            if (!process.waitFor(STOP_GRACE.toNanos(), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
