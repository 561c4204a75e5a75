package io.faasflow.experiments.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.topology.wire.WireJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor starts a real process again when it dies, logs it and rewrites cluster.json. */
@Timeout(60)
class SupervisorTest {

    /** A real child process that sleeps until killed. */
    private static ClusterProcess sleeper(Path dir) {
        return ChildProcess.start("sleeper", java.util.List.of("sleep", "600"), dir.resolve("sleeper.log"), null);
    }

    @Test
    void shouldStartAKilledProcessAgainAndDescribeIt(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Path file = dir.resolve("cluster.json");
        AtomicInteger starts = new AtomicInteger();
        ClusterProcess first = sleeper(dir);
        ClusterProcess[] current = {first};
        try (Supervisor supervisor = new Supervisor(file, true, new PrintStream(output, true, StandardCharsets.UTF_8))) {
            supervisor.describe("ingress", "http://127.0.0.1:1");
            supervisor.add("node-0", "scheduler", 0, Map.of("log", "node-0.log"), first, () -> {
                starts.incrementAndGet();
                return current[0] = sleeper(dir);
            });
            supervisor.start();
            new ProcessBuilder("kill", "-KILL", Long.toString(first.pid())).start().waitFor();
            while (supervisor.restarts().isEmpty()) {
                Thread.sleep(50);
            }
            assertEquals(1, starts.get());
            ProcessRestart restart = supervisor.restarts().getFirst();
            assertEquals("node-0", restart.name());
            assertTrue(restart.readyAt() - restart.diedAt() >= 1_000, "waits its first backoff: " + restart);
            JsonNode json = WireJson.mapper().readTree(Files.readString(file));
            assertEquals("http://127.0.0.1:1", json.path("ingress").asText());
            JsonNode node = json.path("processes").get(0);
            assertEquals(current[0].pid(), node.path("pid").asLong());
            assertEquals(1, node.path("restarts").asInt());
            assertEquals("scheduler", node.path("role").asText());
            assertEquals(0, node.path("node").asInt());
            String log = output.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("node-0 (pid " + first.pid() + ") died; restart #1"), log);
            assertTrue(log.contains("node-0 is back"), log);
        } finally {
            current[0].close();
        }
    }
}
