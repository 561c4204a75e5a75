package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.ClusterOptions;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.cluster.SchedulingMode;
import io.faasflow.scheduler.NodeSchedulerConfig;
import io.faasflow.topology.load.BenchmarkWorkflows;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Functions run in pooled function servers (child JVMs, {@code faasflow.runtime=process}) on a 2-node cluster of
 * real services: real workloads complete, and a container killed mid-run is replaced and its try retried.
 */
@Timeout(300)
class ProcessRuntimeIT {
    private static final String SERVER_MAIN = "io.faasflow.functions.server.FunctionServerMain";
    private static LocalCluster cluster;
    private static IngressClient client;

    @BeforeAll
    static void start() throws Exception {
        ClusterOptions options = new ClusterOptions(2, 0, ClusterFixture.projectHome(),
                Files.createTempDirectory("faasflow-process-runtime"), "process-" + System.nanoTime() + ".", 0.05, 0.001,
                true, 1000, SchedulingMode.WORKER).withSchedulerProperties(Map.of(
                        NodeSchedulerConfig.RUNTIME_CONFIG, "process",
                        NodeSchedulerConfig.POOL_MAX_CONFIG, "4"));
        cluster = LocalCluster.start(options);
        client = new IngressClient(cluster.ingressUrl(), cluster.apiToken());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        assertTrue(functionServers().isEmpty(), "function servers left running: " + functionServers());
    }

    @Test
    void shouldRunTheRealWordcountInFunctionServersAndReuseThemWarm() throws Exception {
        client.deploy("wordcount", BenchmarkWorkflows.yaml("wordcount"), false);
        JsonNode cold = client.awaitFinished(client.invoke("wordcount", "{\"files\": 3}"), Duration.ofMinutes(2));
        InvocationAssertions.assertRanAndSkipped(cold, BenchmarkWorkflows.load("wordcount"), java.util.Set.of());
        assertFalse(functionServers().isEmpty(), "the functions ran in function server processes");
        JsonNode warm = client.awaitFinished(client.invoke("wordcount", "{\"files\": 3}"), Duration.ofMinutes(2));
        InvocationAssertions.assertRanAndSkipped(warm, BenchmarkWorkflows.load("wordcount"), java.util.Set.of());
        assertTrue(duration(warm, "start") < duration(cold, "start"),
                "a warm container skips the JVM start: cold " + duration(cold, "start") + " ms, warm "
                        + duration(warm, "start") + " ms");
    }

    @Test
    void shouldRetryOnANewContainerWhenTheContainerDiesMidRun() throws Exception {
        client.deploy("slow-step", ClusterFixture.resource("/workflows/slow-step/flat_workflow.yaml"), true);
        List<ProcessHandle> before = functionServers();
        String id = client.invoke("slow-step", "{}");
        // Wait for b's container (a new one: b never ran before), let b run a moment, then kill it.
        WorkerSideSchedulingIT.waitUntil(() -> functionServers().size() >= before.size() + 2, Duration.ofSeconds(60));
        Thread.sleep(1_500);
        List<ProcessHandle> killed = functionServers().stream().filter(p -> !before.contains(p)).toList();
        killed.forEach(ProcessHandle::destroyForcibly);
        JsonNode status = client.awaitFinished(id, Duration.ofMinutes(2));
        assertEquals("SUCCEEDED", status.path("status").asText(), status.toString());
        assertEquals(2, status.path("functions").path("b").path("attempts").asInt(), status.toString());
    }

    private static long duration(JsonNode status, String function) {
        JsonNode timing = status.path("functions").path(function);
        return timing.path("end").asLong() - timing.path("start").asLong();
    }

    /** The function server processes below this test JVM (the cluster's schedulers start them). */
    private static List<ProcessHandle> functionServers() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(ProcessRuntimeIT::isFunctionServer)
                .toList();
    }

    /** Reads /proc: {@code ProcessHandle.Info} cuts long command lines, and the classpath comes first. */
    private static boolean isFunctionServer(ProcessHandle process) {
        try {
            return Files.readString(java.nio.file.Path.of("/proc", String.valueOf(process.pid()), "cmdline"),
                    java.nio.charset.StandardCharsets.ISO_8859_1).contains(SERVER_MAIN);
        } catch (java.io.IOException gone) {
            return false;
        }
    }
}
