package io.faasflow.scheduler.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real function server in a child JVM; needs the {@code functions} module's server on the classpath. */
class ProcessRuntimeTest {

    @Test
    void shouldStartAChildServerAnswerStatusAndStopIt(@TempDir Path logs) throws Exception {
        try (ProcessRuntime runtime = ProcessRuntime.loggingTo(logs)) {
            // launch, not start: /init would connect to Redis, and this test runs without services.
            ProcessContainer container = runtime.launch(Specs.spec("f"));
            try {
                assertTrue(container.isAlive());
                ContainerStatus status = container.status();
                assertEquals(ContainerStatus.READY, status.state());
                assertNull(status.function());
                assertEquals(0, status.runs());
            } finally {
                container.close();
            }
            assertFalse(container.isAlive(), "closed means stopped");
            assertThrows(ContainerDiedException.class, container::status);
            try (var files = Files.list(logs)) {
                assertEquals(1, files.filter(file -> file.getFileName().toString().startsWith("node0-wf-v1-f-")).count(),
                        "one log file for the container");
            }
        }
    }
}
