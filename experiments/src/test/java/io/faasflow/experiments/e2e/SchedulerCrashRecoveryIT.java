package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.model.WorkflowDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A node scheduler killed with SIGKILL mid-flight and restarted finishes the invocations it had. */
@Timeout(300)
class SchedulerCrashRecoveryIT {
    private static LocalCluster cluster;
    private static IngressClient client;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ClusterFixture.start("crash", 3, 0.3);
        client = new IngressClient(cluster.ingressUrl());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldFinishInFlightInvocationsAfterKillAndRestart() throws Exception {
        WorkflowDefinition epigenomics = BenchmarkWorkflows.load("epigenomics");
        JsonNode plan = client.deploy("epigenomics", BenchmarkWorkflows.yaml("epigenomics"), true).path("plan");
        int victim = 1;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(client.invoke("epigenomics", "{}"));
        }
        // Epigenomics' critical path is 9 functions of 0.3 s: after 1 s every invocation is mid-way.
        Thread.sleep(1_000);
        for (String id : ids) {
            assertTrue("RUNNING".equals(client.status(id).path("status").asText()), "still running before the crash");
        }
        cluster.killScheduler(victim);
        Thread.sleep(500);
        cluster.startScheduler(victim);
        cluster.awaitScheduler(victim);
        for (String id : ids) {
            JsonNode status = client.awaitFinished(id, Duration.ofMinutes(2));
            InvocationAssertions.assertRanInDependencyOrder(status, epigenomics);
            long onVictim = 0;
            for (JsonNode timing : status.path("functions")) {
                onVictim += timing.path("node").asInt() == victim ? 1 : 0;
            }
            assertTrue(onVictim > 0, "the killed node hosts some of the functions: " + status);
        }
    }
}
