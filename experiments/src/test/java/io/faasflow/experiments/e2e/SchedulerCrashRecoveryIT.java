package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.scheduler.kafka.KafkaClients;
import io.faasflow.scheduler.state.FunctionStatus;
import io.faasflow.scheduler.state.internal.StateRecord;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.wire.WireJson;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A node scheduler killed with SIGKILL mid-flight and restarted finishes the invocations it had. */
@Timeout(300)
class SchedulerCrashRecoveryIT {
    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension("crash", 3, 0.3, 1000);
    private static LocalCluster cluster;
    private static IngressClient client;

    @BeforeAll
    static void connect() {
        cluster = CLUSTER.cluster();
        client = CLUSTER.client();
    }

    private static void awaitRunningFunctionOn(int node, List<String> ids, Duration timeout) throws Exception {
        TopicLayout layout = new TopicLayout(cluster.topicPrefix(), cluster.nodes());
        TopicPartition partition = new TopicPartition(layout.schedulerState(), node);
        try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(cluster.bootstrapServers(), null, "state-watcher")) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    StateRecord state = WireJson.read(record.value(), StateRecord.class);
                    if (ids.contains(record.key()) && state.state() != null && state.state().functions.values().stream()
                            .anyMatch(f -> f.status == FunctionStatus.RUNNING)) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("node " + node + " never ran a function of " + ids);
    }

    @Test
    void shouldFinishInFlightInvocationsAfterKillAndRestart() throws Exception {
        WorkflowDefinition epigenomics = BenchmarkWorkflows.load("epigenomics");
        JsonNode plan = client.deploy("epigenomics", BenchmarkWorkflows.yaml("epigenomics"), true, "contiguous").path("plan");
        int victim = 1;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(client.invoke("epigenomics", "{}"));
        }
        // Kill the victim only once its changelog shows a function of ours running there.
        awaitRunningFunctionOn(victim, ids, Duration.ofSeconds(30));
        cluster.killScheduler(victim);
        Thread.sleep(500);
        cluster.startScheduler(victim);
        cluster.awaitScheduler(victim);
        String log = Files.readString(cluster.workDir().resolve("logs/node-" + victim + ".log"));
        assertTrue(Pattern.compile("restored [1-9][0-9]* live invocations").matcher(log).find(),
                "the restarted node restores the invocations it had in flight");
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

    @Test
    void shouldFenceAPausedSchedulerOnceAnotherOfItsNodeStarts() throws Exception {
        client.deploy("fenced-wc", BenchmarkWorkflows.yaml("wordcount"), true, "contiguous");
        int node = 2;
        long stale = cluster.schedulerPid(node);
        signal("STOP", stale);
        cluster.startScheduler(node);
        cluster.awaitScheduler(node);
        signal("CONT", stale);
        // Resumed, the stale scheduler's next write or commit is refused: it stops instead of acting beside the new one.
        ProcessHandle.of(stale).ifPresent(process -> process.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join());
        assertTrue(ProcessHandle.of(stale).map(process -> !process.isAlive()).orElse(true), "the stale scheduler stopped");
        String log = Files.readString(cluster.workDir().resolve("logs/node-" + node + ".log"));
        assertTrue(log.contains("fenced off: another scheduler of node " + node), "the stale scheduler says why it stops");
        for (int i = 0; i < 3; i++) {
            JsonNode status = client.awaitFinished(client.invoke("fenced-wc", "{}"), Duration.ofMinutes(1));
            assertTrue("SUCCEEDED".equals(status.path("status").asText()), status.toString());
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor() == 0, "kill -" + signal + " " + pid);
    }
}
