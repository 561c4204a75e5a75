package io.faasflow.experiments.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds the function image with {@code compose/build-function-image.sh} (which skips an unchanged image), on
 * this JVM's JDK, its output shown as it goes.
 */
public final class FunctionImage {
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(5);

    private FunctionImage() {
    }

    /** @throws IllegalStateException when the script fails or takes longer than 5 minutes */
    public static void build(Path projectHome) throws InterruptedException {
        Path script = projectHome.resolve("compose/build-function-image.sh");
        ProcessBuilder build = new ProcessBuilder("bash", script.toString()).inheritIO();
        build.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process;
        try {
            process = build.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        }
        if (!process.waitFor(BUILD_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish within " + BUILD_LIMIT.toMinutes() + " min");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(script + " failed (exit " + process.exitValue() + "); see its output above");
        }
    }
}
