package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.faasflow.experiments.cluster.FunctionImage;
import io.faasflow.scheduler.runtime.DockerRuntime;
import io.faasflow.scheduler.runtime.DockerSettings;
import java.time.Duration;

/**
 * The Docker engine and function image the docker tests need. Without an engine the tests are skipped with a
 * message saying so, unless {@code FAASFLOW_REQUIRE_DOCKER=1} (set by {@code .ci/run}), when they fail.
 */
final class DockerTestEngine {
    private static volatile boolean imageBuilt;

    private DockerTestEngine() {
    }

    /** Checks an engine answers and the function image is built from this build (building it if not). */
    static DockerSettings requireEngineAndImage() throws InterruptedException {
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

    private static synchronized void buildImage() throws InterruptedException {
        if (!imageBuilt) {
            FunctionImage.build(ClusterFixture.projectHome());
            imageBuilt = true;
        }
    }
}
