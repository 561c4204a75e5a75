package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.scheduler.kafka.KafkaClients;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.wire.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records anyone could produce, on both topics the node schedulers read, on a running 3-node cluster: the classes
 * that stopped a node (an event without a workflow, the JSON value null, tombstones, a trigger of a function the
 * deployment lacks, a home outside the nodes, inputs nested or wide past the limits) and seeded random mutations of
 * real events. No node stops, each refused record is on the dead-letter topic with its cause and origin, inputs that
 * name their workflow get a FAILED result naming the limit, and invocations run as before, also after a node restart.
 */
@Timeout(300)
class PoisonRecordsIT {
    private static final int MUTATIONS = 300;
    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension("poison", 3, 0.05, 1000);
    private static LocalCluster cluster;
    private static IngressClient client;
    private static TopicLayout layout;

    @BeforeAll
    static void connect() {
        cluster = CLUSTER.cluster();
        client = CLUSTER.client();
        layout = new TopicLayout(cluster.topicPrefix(), cluster.nodes());
    }

    private record Poison(String topic, int partition, String value) {
    }

    @Test
    void noRecordStopsANodeAndEachIsDeadLettered() throws Exception {
        client.deploy("wordcount", BenchmarkWorkflows.yaml("wordcount"), true, "contiguous");
        assertSucceeds(client.invoke("wordcount", WorkloadChecks.WORDCOUNT_INPUT));
        List<String> real = realEvents();
        assertTrue(real.size() > 5, "the invocation left events to mutate: " + real.size());

        List<Poison> poisons = new ArrayList<>();
        for (int node = 0; node < cluster.nodes(); node++) {
            for (String topic : List.of(layout.functionEvents(), layout.invocations())) {
                poisons.add(new Poison(topic, node, null));
                poisons.add(new Poison(topic, node, "null"));
                poisons.add(new Poison(topic, node, "{}"));
                poisons.add(new Poison(topic, node, "[1,2]"));
                poisons.add(new Poison(topic, node, "not json at all"));
                poisons.add(new Poison(topic, node, "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
            }
            String events = layout.functionEvents();
            poisons.add(new Poison(events, node, "{\"kind\": \"trigger\", \"invocation\": \"x\"}"));
            poisons.add(new Poison(events, node, trigger("nope", 0)));
            poisons.add(new Poison(events, node, trigger("start", 99)));
            poisons.add(new Poison(events, node, trigger("start", -1)));
            poisons.add(new Poison(events, node, "{\"kind\": \"report\", \"invocation\": \"x\", \"function\": null, \"node\": 0}"));
            poisons.add(new Poison(events, node, "{\"kind\": \"mystery\", \"invocation\": \"x\"}"));
            String invocations = layout.invocations();
            poisons.add(new Poison(invocations, node, "{\"workflow\": \"wordcount\", \"input\": 5}"));
            poisons.add(new Poison(invocations, node, "{\"workflow\": null}"));
            poisons.add(new Poison(invocations, node, "{\"workflow\": \"word count\"}"));
            poisons.add(new Poison(invocations, node, "{\"id\": \"deep-" + node + "\", \"workflow\": \"wordcount\", \"input\": {\"a\": "
                    + "[".repeat(2000) + "]".repeat(2000) + "}}"));
            poisons.add(new Poison(invocations, node, "{\"id\": \"wide-" + node + "\", \"workflow\": \"wordcount\", \"input\": "
                    + wideObject(60_000) + "}"));
        }
        int definite = poisons.size();
        Random random = new Random(20261202L);
        for (int i = 0; i < MUTATIONS; i++) {
            poisons.add(new Poison(layout.functionEvents(), random.nextInt(cluster.nodes()),
                    mutate(real.get(random.nextInt(real.size())), random)));
        }
        Map<String, RecordMetadata> produced = produce(poisons);

        List<ConsumerRecord<String, byte[]>> letters = awaitDeadLetters(definite, Duration.ofSeconds(60));
        for (int node = 0; node < cluster.nodes(); node++) {
            assertTrue(ProcessHandle.of(cluster.schedulerPid(node)).map(ProcessHandle::isAlive).orElse(false),
                    "scheduler " + node + " still runs");
        }
        RecordMetadata forged = produced.get(layout.functionEvents() + "/0/{\"kind\": \"trigger\", \"invocation\": \"x\"}");
        ConsumerRecord<String, byte[]> letter = letters.stream()
                .filter(r -> header(r, DeadLetterHeaders.TOPIC).equals(layout.functionEvents())
                        && header(r, DeadLetterHeaders.PARTITION).equals("0")
                        && header(r, DeadLetterHeaders.OFFSET).equals(String.valueOf(forged.offset())))
                .findFirst().orElseThrow(() -> new AssertionError("no dead letter of the event without a workflow"));
        assertTrue(header(letter, DeadLetterHeaders.CAUSE).contains("field 'workflow'"), header(letter, DeadLetterHeaders.CAUSE));
        assertEquals("node-0", header(letter, DeadLetterHeaders.CONSUMER));

        for (int node = 0; node < cluster.nodes(); node++) {
            assertFailedWith("deep-" + node, "InvalidInvocation", "");
            assertFailedWith("wide-" + node, "InvalidInvocation", "faasflow.limits.input-fields");
        }
        for (int i = 0; i < 3; i++) {
            assertSucceeds(client.invoke("wordcount", WorkloadChecks.WORDCOUNT_INPUT));
        }

        cluster.killScheduler(0);
        cluster.startScheduler(0);
        cluster.awaitScheduler(0);
        assertSucceeds(client.invoke("wordcount", WorkloadChecks.WORDCOUNT_INPUT));
        assertTrue(ProcessHandle.of(cluster.schedulerPid(0)).map(ProcessHandle::isAlive).orElse(false));
    }

    private static String trigger(String function, int home) {
        return "{\"kind\": \"trigger\", \"invocation\": \"forged\", \"workflow\": \"wordcount\", \"version\": 1, "
                + "\"function\": \"" + function + "\", \"home\": " + home + ", \"submittedAt\": 1}";
    }

    private static String wideObject(int fields) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < fields; i++) {
            json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":0");
        }
        return json.append('}').toString();
    }

    /** One random edit: a span deleted, replaced by a token, or a byte changed. */
    private static String mutate(String event, Random random) {
        String[] tokens = {"null", "-1", "99", "\"\"", "{}", "[]", "true", "\"nope\"", ",", "}", "\"kind\":\"report\""};
        int at = random.nextInt(event.length());
        int end = Math.min(event.length(), at + random.nextInt(12));
        return switch (random.nextInt(3)) {
            case 0 -> event.substring(0, at) + event.substring(end);
            case 1 -> event.substring(0, at) + tokens[random.nextInt(tokens.length)] + event.substring(end);
            default -> event.substring(0, at) + (char) (32 + random.nextInt(95)) + event.substring(at + 1);
        };
    }

    private static List<String> realEvents() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int node = 0; node < cluster.nodes(); node++) {
            partitions.add(new TopicPartition(layout.functionEvents(), node));
        }
        List<String> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(cluster.bootstrapServers(), null, "poison-reader")) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> events.add(new String(r.value(), StandardCharsets.UTF_8)));
            }
        }
        return events;
    }

    /** Produces each poison and returns where each went, by topic/partition/value. */
    private static Map<String, RecordMetadata> produce(List<Poison> poisons) throws Exception {
        Map<String, RecordMetadata> where = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(cluster.bootstrapServers(), "poisoner")) {
            for (Poison poison : poisons) {
                byte[] value = poison.value() == null ? null : poison.value().getBytes(StandardCharsets.UTF_8);
                RecordMetadata metadata = producer.send(new ProducerRecord<>(poison.topic(), poison.partition(), "poison", value)).get();
                where.putIfAbsent(poison.topic() + "/" + poison.partition() + "/" + poison.value(), metadata);
            }
        }
        return where;
    }

    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetters(int atLeast, Duration timeout) {
        TopicPartition partition = new TopicPartition(layout.deadLetters(), 0);
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(cluster.bootstrapServers(), null, "poison-letters")) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (letters.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
            }
        }
        assertTrue(letters.size() >= atLeast, "dead letters: " + letters.size() + " of at least " + atLeast);
        return letters;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertNotNull(header, name + " on a dead letter");
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void assertSucceeds(String id) throws InterruptedException {
        JsonNode status = client.awaitFinished(id, Duration.ofMinutes(2));
        assertEquals("SUCCEEDED", status.path("status").asText(), status.toString());
    }

    private static void assertFailedWith(String id, String type, String inMessage) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                JsonNode status = client.status(id);
                // The ingress reads the record too, and answers RUNNING until the node's result arrives.
                if ("RUNNING".equals(status.path("status").asText()) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    continue;
                }
                assertEquals("FAILED", status.path("status").asText(), status.toString());
                assertEquals(type, status.path("error").path("type").asText(), status.toString());
                assertTrue(status.path("error").path("message").asText().contains(inMessage), status.toString());
                return;
            } catch (IngressClient.IngressException e) {
                if (e.status() != 404 || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
