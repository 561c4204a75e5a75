package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.faasflow.scheduler.runtime.DockerRuntime;
import io.faasflow.scheduler.runtime.DockerSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Docker engine and function image the docker tests need. Without an engine the tests are skipped with a
 * message saying so, unless {@code FAASFLOW_REQUIRE_DOCKER=1} (set by {@code .ci/run}), when they fail.
 */
final class DockerTestEngine {
    private static final Duration IMAGE_BUILD_LIMIT = Duration.ofMinutes(5);
    private static volatile boolean imageBuilt;

    private DockerTestEngine() {
    }

    /** Checks an engine answers and the function image is built from this build (building it if not). */
    static DockerSettings requireEngineAndImage() throws IOException, InterruptedException {
        DockerSettings settings = DockerSettings.defaults();
        boolean answers = DockerRuntime.probe(settings.host(), Duration.ofSeconds(2)).isPresent();
        String message = "no Docker engine answers at " + settings.host() + ": the docker runtime's tests are skipped "
                + "(tools/install-prerequisites.sh --with-docker installs and starts one)";
        if (!answers && "1".equals(System.getenv("FAASFLOW_REQUIRE_DOCKER"))) {
            fail(message + "; FAASFLOW_REQUIRE_DOCKER=1 asks for them to run");
        }
        if (!answers) {
            System.err.println("SKIPPED: " + message);
        }
        assumeTrue(answers, message);
        buildImage();
        return settings;
    }

    private static synchronized void buildImage() throws IOException, InterruptedException {
        if (imageBuilt) {
            return;
        }
        Path script = ClusterFixture.projectHome().resolve("compose/build-function-image.sh");
        ProcessBuilder build = new ProcessBuilder("bash", script.toString()).inheritIO();
        build.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = build.start();
        if (!process.waitFor(IMAGE_BUILD_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(script + " did not finish within " + IMAGE_BUILD_LIMIT.toMinutes() + " min");
        }
        assertEquals(0, process.exitValue(), script + " failed; its output is above");
        imageBuilt = true;
    }
}
