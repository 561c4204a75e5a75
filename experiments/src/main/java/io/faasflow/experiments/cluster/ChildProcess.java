package io.faasflow.experiments.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output goes to a log file, started and awaited until a line containing a marker
 * appears. Closing terminates it (SIGTERM, then SIGKILL after a grace period).
 */
final class ChildProcess implements ClusterProcess {
    private final String name;
    private final Process process;
    private final Path log;
    private final CountDownLatch ready = new CountDownLatch(1);

    private ChildProcess(String name, Process process, Path log, String readyMarker) {
        this.name = name;
        this.process = process;
        this.log = log;
        Thread.ofPlatform().daemon().name(name + "-output").start(() -> pump(readyMarker));
    }

    static ChildProcess start(String name, List<String> command, Path log, String readyMarker) {
        return start(name, command, Map.of(), log, readyMarker);
    }

    /**
     * Starts the child with {@code environment} added to this process's (without its FAASFLOW_* variables): how
     * secrets reach a child, which a command line would show to everyone who lists the processes.
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log,
            String readyMarker) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            // The command line configures the child: a FAASFLOW_* variable exported for a compose cluster must
            // not fill in the settings it leaves at their defaults.
            builder.environment().keySet().removeIf(variable -> variable.startsWith("FAASFLOW_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new ChildProcess(name, process, log, readyMarker);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    private void pump(String readyMarker) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (readyMarker != null && line.contains(readyMarker)) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the process went away
        }
    }

    /** Waits for the ready marker; fails with the log's tail when the process dies or time runs out. */
    void awaitReady(long timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try {
            while (!ready.await(100, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; "
                            + "log " + log + ":\n" + tail());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " was not ready within " + timeoutSeconds + " s; log " + log
                            + ":\n" + tail());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crash: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
