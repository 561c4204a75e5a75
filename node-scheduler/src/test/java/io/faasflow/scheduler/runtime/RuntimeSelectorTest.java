package io.faasflow.scheduler.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeSelectorTest {
    /** An engine address where nothing answers. */
    private static final DockerSettings NO_ENGINE = DockerSettings.defaults().withHost("unix:///nonexistent/docker.sock");

    @Test
    void shouldFallBackFromAutoToProcessWhenNoEngineAnswers(@TempDir Path logs) {
        try (ContainerRuntime runtime = RuntimeSelector.select(" AUTO ", logs, NO_ENGINE)) {
            assertInstanceOf(ProcessRuntime.class, runtime);
            assertEquals("process", runtime.name());
        }
    }

    @Test
    void shouldRefuseDockerWithoutAnEngineSayingHowToStartOne() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RuntimeSelector.select("docker", null, NO_ENGINE));
        assertTrue(e.getMessage().contains("unix:///nonexistent/docker.sock"), e.getMessage());
        assertTrue(e.getMessage().contains("start dockerd"), e.getMessage());
    }

    @Test
    void shouldGiveInProcessOnlyToTests() {
        assertThrows(IllegalArgumentException.class, () -> RuntimeSelector.select("inprocess", null, NO_ENGINE));
        InProcessRuntime runtime = new InProcessRuntime((container, call) -> Specs.ok());
        assertEquals(runtime, RuntimeSelector.select("inprocess", null, NO_ENGINE, () -> runtime));
    }

    @Test
    void shouldNameTheAcceptedValuesForAnUnknownOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuntimeSelector.select("podman", null, NO_ENGINE));
        assertTrue(e.getMessage().contains("expected docker, process, inprocess or auto"), e.getMessage());
    }
}
