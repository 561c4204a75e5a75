package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.scheduler.kafka.KafkaClients;
import io.faasflow.storage.CouchDataStore;
import io.faasflow.storage.RedisDataStore;
import io.faasflow.storage.StorageConfig;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.InvocationStatus;
import io.faasflow.topology.wire.WireJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Workflows run end to end on a 3-node cluster of real services (in-JVM Kafka broker, redis-server per
 * node, the CouchDB stand-in, scheduler and ingress processes), triggered worker-side.
 */
@Timeout(300)
class WorkerSideSchedulingIT {
    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension("worker-side", 3, 0.05, 1000);
    private static LocalCluster cluster;
    private static IngressClient client;

    @BeforeAll
    static void connect() {
        cluster = CLUSTER.cluster();
        client = CLUSTER.client();
    }

    @Test
    void shouldRunGenomeAcrossNodesInDependencyOrder() throws Exception {
        JsonNode deployed = client.deploy("genome", BenchmarkWorkflows.yaml("genome"), true);
        assertTrue(deployed.path("plan").path("functionNodes").size() == 50, deployed.toString());
        String id = client.invoke("genome", "{}");
        JsonNode status = client.awaitFinished(id, Duration.ofMinutes(2));
        InvocationAssertions.assertRanInDependencyOrder(status, BenchmarkWorkflows.load("genome"));
        assertTrue(distinctNodes(status) > 1, "genome should span nodes: " + status);
    }

    @Test
    void shouldTakeIllegalRecognizersSwitchAndFireTheJoinAfterIt() throws Exception {
        // Synthetic outputs are filler at the scaled size: illegal_flag (8 bytes x 0.001) is empty, so false. Both
        // switches take their default: extract's chain and END run, and mosaic, whose two parents are switches that
        // both chose another branch, is skipped instead of waiting for ever as in the original.
        client.deploy("illgal_recognizer", BenchmarkWorkflows.yaml("illgal_recognizer"), true);
        String id = client.invoke("illgal_recognizer", "{\"image_name\": \"01.jpg\", \"user_name\": \"ann\"}");
        JsonNode status = client.awaitFinished(id, Duration.ofMinutes(2));
        InvocationAssertions.assertRanAndSkipped(status, BenchmarkWorkflows.load("illgal_recognizer"),
                java.util.Set.of("mosaic"));
    }

    @Test
    void shouldFireTheJoinAfterASwitchTakenEitherWay() throws Exception {
        String yaml = ClusterFixture.resource("/workflows/switch-join/flat_workflow.yaml");
        client.deploy("switch-join", yaml, true);
        var workflow = new WorkflowLoader().parse("switch-join", yaml, "test");
        JsonNode flagged = client.awaitFinished(client.invoke("switch-join", "{\"sizes\": {\"flag\": 4}}"),
                Duration.ofMinutes(1));
        InvocationAssertions.assertRanAndSkipped(flagged, workflow, java.util.Set.of("c"));
        JsonNode clean = client.awaitFinished(client.invoke("switch-join", "{\"sizes\": {\"flag\": 0}}"),
                Duration.ofMinutes(1));
        InvocationAssertions.assertRanAndSkipped(clean, workflow, java.util.Set.of("b"));
    }

    @Test
    void shouldRunFileprocessingWithFanOutAndFanIn() throws Exception {
        client.deploy("fileprocessing", BenchmarkWorkflows.yaml("fileprocessing"), true);
        String id = client.invoke("fileprocessing", "{\"filename\": \"sample.md\"}");
        JsonNode status = client.awaitFinished(id, Duration.ofMinutes(2));
        InvocationAssertions.assertRanInDependencyOrder(status, BenchmarkWorkflows.load("fileprocessing"));
    }

    @Test
    void shouldRunAnInvocationProducedStraightToKafka() throws Exception {
        TopicLayout layout = new TopicLayout(cluster.topicPrefix(), cluster.nodes());
        JsonNode plan = client.deploy("direct-epigenomics", BenchmarkWorkflows.yaml("epigenomics"), true).path("plan");
        int entry = plan.path("functionNodes").path(plan.path("startFunctions").get(0).asText()).asInt();
        int elsewhere = (entry + 1) % cluster.nodes();
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(cluster.bootstrapServers(), "outside-client")) {
            // Unaware of the plan: keyed by workflow name, on a partition whose node does not host the start.
            producer.send(new ProducerRecord<>(layout.invocations(), elsewhere, "direct-epigenomics",
                    "{\"workflow\": \"direct-epigenomics\"}".getBytes())).get();
        }
        InvocationResult result = awaitResult(layout, "direct-epigenomics", Duration.ofMinutes(2));
        assertEquals(InvocationStatus.SUCCEEDED, result.status(), String.valueOf(result.error()));
        assertEquals(45, result.functions().size());
    }

    @Test
    void shouldKeepSameNodeDataInRedisAndCrossNodeDataInCouchDbUntilTheEnd() throws Exception {
        String yaml = ClusterFixture.resource("/workflows/data-placement/flat_workflow.yaml");
        JsonNode plan = client.deploy("data-placement", yaml, true, "contiguous").path("plan");
        assertEquals(0, plan.path("functionNodes").path("a").asInt(), plan.toString());
        assertEquals(0, plan.path("functionNodes").path("b").asInt(), plan.toString());
        assertEquals(1, plan.path("functionNodes").path("c").asInt(), plan.toString());
        List<RedisDataStore> redis = new ArrayList<>();
        for (int node = 0; node < cluster.nodes(); node++) {
            redis.add(new RedisDataStore(cluster.redisUri(node), Duration.ofMinutes(1)));
        }
        try (CouchDataStore couch = new CouchDataStore(cluster.couchUrl(), StorageConfig.DEFAULT_DATABASE)) {
            String id = client.invoke("data-placement", "{}");
            waitUntil(() -> redis.get(0).contains(id, "a/near") && couch.contains(id, "a/far"), Duration.ofSeconds(20));
            assertEquals("RUNNING", client.status(id).path("status").asText());
            assertFalse(couch.contains(id, "a/near"), "same-node data must not go to CouchDB");
            assertFalse(redis.get(1).contains(id, "a/near"));
            assertFalse(redis.get(0).contains(id, "a/far"), "cross-node-only data must not stay in Redis");
            JsonNode status = client.awaitFinished(id, Duration.ofMinutes(1));
            InvocationAssertions.assertRanInDependencyOrder(status, new WorkflowLoader().parse("data-placement", yaml, "test"));
            waitUntil(() -> !redis.get(0).contains(id, "a/near"), Duration.ofSeconds(10));
            waitUntil(() -> !couch.contains(id, "a/far"), Duration.ofSeconds(10));
            waitUntil(() -> !couch.contains(id, "c/out"), Duration.ofSeconds(10));
            waitUntil(() -> !redis.get(0).contains(id, "b/out"), Duration.ofSeconds(10));
        } finally {
            redis.forEach(RedisDataStore::close);
        }
    }

    @Test
    void shouldRejectAWorkflowWhoseSourceHasNoImplementation() {
        IngressClient.IngressException error = org.junit.jupiter.api.Assertions.assertThrows(
                IngressClient.IngressException.class,
                () -> client.deploy("genome-real", BenchmarkWorkflows.yaml("genome"), false));
        assertEquals(400, error.status());
        assertTrue(error.body().contains("individuals_00000002"), error.body());
    }

    private static long distinctNodes(JsonNode status) {
        List<Integer> nodes = new ArrayList<>();
        status.path("functions").forEach(timing -> nodes.add(timing.path("node").asInt()));
        return nodes.stream().distinct().count();
    }

    private static InvocationResult awaitResult(TopicLayout layout, String workflow, Duration timeout) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(cluster.bootstrapServers(), null, "result-reader")) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < layout.nodes(); p++) {
                partitions.add(new TopicPartition(layout.results(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    InvocationResult result = WireJson.read(record.value(), InvocationResult.class);
                    if (workflow.equals(result.workflow())) {
                        return result;
                    }
                }
            }
        }
        throw new AssertionError("no result for " + workflow + " within " + timeout);
    }

    static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout + " (see the stack for which)");
            }
            Thread.sleep(20);
        }
    }
}
