package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.storage.CouchDataStore;
import io.faasflow.storage.RedisDataStore;
import io.faasflow.storage.StorageConfig;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.WireJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The workflow semantics every scheduling mode must keep, over real services: switches taken both ways with the
 * joins after them, foreach over many and over no elements, retries, timeouts, cancellation and duplicated
 * events. Subclasses start the cluster in one mode.
 */
abstract class WorkflowSemanticsContract {

    abstract LocalCluster cluster();

    abstract IngressClient client();

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String IMAGE = "\"image_name\": \"01.jpg\", \"user_name\": \"ann\"";

    @Test
    void shouldTakeVideosSplitBranchAndFanOutOverTheSegments() throws Exception {
        client().deploy("video", BenchmarkWorkflows.yaml("video"), true);
        WorkflowDefinition video = BenchmarkWorkflows.load("video");
        JsonNode split = client().awaitFinished(client().invoke("video", "{\"split\": true}"), WAIT);
        InvocationAssertions.assertRanAndSkipped(split, video, Set.of("simple_process"));
        // transcode declares split_ratio 3: the synthetic split lists 3 segments, and the merge reads 3 outputs.
        assertTrue(split.path("functions").has("transcode"), split.toString());
        JsonNode whole = client().awaitFinished(client().invoke("video", "{\"split\": false}"), WAIT);
        InvocationAssertions.assertRanAndSkipped(whole, video, Set.of("split", "transcode", "merge"));
    }

    @Test
    void shouldMosaicAFlaggedImageAndFireTheJoinAfterBothSwitches() throws Exception {
        client().deploy("illgal_recognizer", BenchmarkWorkflows.yaml("illgal_recognizer"), true);
        WorkflowDefinition recognizer = BenchmarkWorkflows.load("illgal_recognizer");
        // mosaic joins the two switches: it runs when the first chose it although the second was skipped.
        JsonNode flagged = client().awaitFinished(client().invoke("illgal_recognizer",
                "{" + IMAGE + ", \"illegal_flag\": true}"), WAIT);
        InvocationAssertions.assertRanAndSkipped(flagged, recognizer,
                Set.of("extract", "translate", "word_censor", "virtual2", "END"));
        JsonNode clean = client().awaitFinished(client().invoke("illgal_recognizer",
                "{" + IMAGE + ", \"illegal_flag\": false}"), WAIT);
        InvocationAssertions.assertRanAndSkipped(clean, recognizer, Set.of("mosaic"));
    }

    @Test
    void shouldCountWordsOverEightFilesAndOverNone() throws Exception {
        client().deploy("wordcount", BenchmarkWorkflows.yaml("wordcount"), false);
        WorkflowDefinition wordcount = BenchmarkWorkflows.load("wordcount");
        JsonNode eight = client().awaitFinished(client().invoke("wordcount", "{}"), WAIT);
        InvocationAssertions.assertRanAndSkipped(eight, wordcount, Set.of());
        JsonNode none = client().awaitFinished(client().invoke("wordcount", "{\"files\": 0}"), WAIT);
        InvocationAssertions.assertRanAndSkipped(none, wordcount, Set.of());
        assertTrue(timing(eight, "count") > timing(none, "count"), "eight counts take longer than none");
    }

    private static long timing(JsonNode status, String function) {
        JsonNode timing = status.path("functions").path(function);
        return timing.path("endMicros").asLong() - timing.path("startMicros").asLong();
    }

    @Test
    void shouldFanOutOverThousandsOfElements() throws Exception {
        String yaml = ClusterFixture.resource("/workflows/wide-foreach/flat_workflow.yaml");
        client().deploy("wide-foreach", yaml, true);
        String id = client().invoke("wide-foreach", "{\"sizes\": {\"parts\": 3000}}");
        JsonNode status = client().awaitFinished(id, WAIT);
        InvocationAssertions.assertRanInDependencyOrder(status, new io.faasflow.topology.load.WorkflowLoader().parse("wide-foreach", yaml, "test"));
        assertNoDataLeft(id);
    }

    @Test
    void shouldFailAfterExactlyTheConfiguredAttemptsWithTheError() throws Exception {
        String yaml = ClusterFixture.resource("/workflows/always-fails/flat_workflow.yaml");
        client().deploy("always-fails", yaml, false);
        JsonNode failed = client().awaitFinished(client().invoke("always-fails", "{}"), WAIT);
        assertEquals("FAILED", failed.path("status").asText(), failed.toString());
        JsonNode error = failed.path("error");
        assertEquals("b", error.path("function").asText(), failed.toString());
        assertEquals(3, error.path("attempts").asInt(), failed.toString());
        assertEquals("IllegalStateException", error.path("type").asText(), failed.toString());
        assertTrue(error.path("message").asText().contains("fails on purpose"), failed.toString());
        assertNoDataLeft(failed.path("id").asText());
    }

    @Test
    void shouldReportAFunctionThatOutlivesItsTimeoutAsTimedOut() throws Exception {
        String yaml = ClusterFixture.resource("/workflows/times-out/flat_workflow.yaml");
        client().deploy("times-out", yaml, true);
        long started = System.nanoTime();
        JsonNode failed = client().awaitFinished(client().invoke("times-out", "{}"), WAIT);
        assertEquals("FAILED", failed.path("status").asText(), failed.toString());
        assertEquals("TimedOut", failed.path("error").path("type").asText(), failed.toString());
        assertEquals("b", failed.path("error").path("function").asText(), failed.toString());
        assertEquals(2, failed.path("error").path("attempts").asInt(), failed.toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 4_000,
                "two 0.5 s tries end well before the 5 s sleep: " + failed);
    }

    @Test
    void shouldCancelARunningInvocationAndLeaveNoData() throws Exception {
        String yaml = ClusterFixture.resource("/workflows/long-running/flat_workflow.yaml");
        client().deploy("long-running", yaml, true, "hash");
        String id = client().invoke("long-running", "{}");
        WorkerSideSchedulingIT.waitUntil(() -> !storedKeys(id).isEmpty(), Duration.ofSeconds(20));
        assertEquals("RUNNING", client().status(id).path("status").asText());
        client().cancel(id);
        JsonNode cancelled = client().awaitFinished(id, Duration.ofSeconds(20));
        assertEquals("CANCELLED", cancelled.path("status").asText(), cancelled.toString());
        assertNoDataLeft(id);
    }

    @Test
    void shouldRunEachFunctionOnceWhenEveryEventIsDeliveredTwice() throws Exception {
        client().deploy("twice-genome", BenchmarkWorkflows.yaml("genome"), true);
        TopicLayout layout = new TopicLayout(cluster().topicPrefix(), cluster().nodes());
        String id = "twice-" + UUID.randomUUID();
        try (EventDuplicator duplicator = EventDuplicator.start(cluster().bootstrapServers(), layout, id)) {
            byte[] record = WireJson.write(new InvocationRecord(id, "twice-genome", null, System.currentTimeMillis()));
            duplicator.produceTwice(layout.invocations(), 0, record);
            JsonNode status = awaitKnownAndFinished(id);
            InvocationAssertions.assertRanInDependencyOrder(status, BenchmarkWorkflows.load("genome"));
            Thread.sleep(500);
            Map<String, Integer> ends = duplicator.originalRunEnds();
            assertFalse(ends.isEmpty(), "no run ended across nodes; the check would prove nothing");
            ends.forEach((run, count) -> assertEquals(1, count, "run " + run + " ended " + count + " times"));
            assertTrue(duplicator.duplicated() > ends.size(), "events were duplicated: " + duplicator.duplicated());
            assertEquals(1, duplicator.results(), "one result for the invocation");
        }
    }

    /** For an invocation produced straight to Kafka: the ingress knows it once its result arrived. */
    private JsonNode awaitKnownAndFinished(String id) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return client().awaitFinished(id, WAIT);
            } catch (IngressClient.IngressException e) {
                if (e.status() != 404 || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private List<String> storedKeys(String id) {
        List<String> keys = new ArrayList<>();
        for (int node = 0; node < cluster().nodes(); node++) {
            try (RedisDataStore redis = new RedisDataStore(cluster().redisUri(node), Duration.ofMinutes(1))) {
                redis.keysOf(id).forEach(key -> keys.add("redis " + key));
            }
        }
        try (CouchDataStore couch = new CouchDataStore(cluster().couchUrl(), StorageConfig.DEFAULT_DATABASE)) {
            couch.keysOf(id).forEach(key -> keys.add("couchdb " + key));
        }
        return keys;
    }

    private void assertNoDataLeft(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<String> left = storedKeys(id);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = storedKeys(id);
        }
        assertEquals(List.of(), left, "data of " + id + " left behind");
    }
}
