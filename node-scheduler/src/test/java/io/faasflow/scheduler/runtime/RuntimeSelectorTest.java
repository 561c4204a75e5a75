package io.faasflow.scheduler.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeSelectorTest {

    @Test
    void shouldFallBackFromAutoToProcessWhileDockerIsMissing(@TempDir Path logs) {
        try (ContainerRuntime runtime = RuntimeSelector.select(" AUTO ", logs)) {
            assertInstanceOf(ProcessRuntime.class, runtime);
            assertEquals("process", runtime.name());
        }
    }

    @Test
    void shouldRefuseDockerWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuntimeSelector.select("docker", null));
        assertTrue(e.getMessage().contains("'docker' is not available in this build yet"), e.getMessage());
    }

    @Test
    void shouldGiveInProcessOnlyToTests() {
        assertThrows(IllegalArgumentException.class, () -> RuntimeSelector.select("inprocess", null));
        InProcessRuntime runtime = new InProcessRuntime((container, call) -> Specs.ok());
        assertEquals(runtime, RuntimeSelector.select("inprocess", null, () -> runtime));
    }

    @Test
    void shouldNameTheAcceptedValuesForAnUnknownOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuntimeSelector.select("podman", null));
        assertTrue(e.getMessage().contains("expected docker, process, inprocess or auto"), e.getMessage());
    }
}
