package io.faasflow.storage.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a command of the container tooling (docker, docker-compose, compose/build-images.sh) for a test. */
public final class CommandLine {
    private CommandLine() {
    }

    /**
     * Runs {@code command} with {@code environment} added to this process's, and returns its output (standard output
     * and error together).
     *
     * @throws IllegalStateException when it exits non-zero (with the end of its output) or outlasts {@code timeout}
     * @throws IOException when it cannot be started
     */
    public static String run(List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        // Read while it runs: a full pipe would stall it, and the time-out must be able to fire.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " took more than " + timeout.toSeconds() + " s");
        }
        String text = output.join();
        if (process.exitValue() != 0) {
            String tail = text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
            throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + tail);
        }
        return text;
    }
}
