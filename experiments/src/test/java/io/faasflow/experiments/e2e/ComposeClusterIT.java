package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.replay.KafkaInvoker;
import io.faasflow.experiments.replay.ReplayOptions;
import io.faasflow.experiments.replay.ReplayRun;
import io.faasflow.experiments.replay.ReplaySummary;
import io.faasflow.experiments.replay.ReplayTarget;
import io.faasflow.experiments.replay.Replayer;
import io.faasflow.scheduler.runtime.ContainerSpec;
import io.faasflow.storage.containers.LocalImages;
import io.faasflow.storage.containers.RequiresDockerEngine;
import io.faasflow.topology.load.BenchmarkWorkflows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 3-node cluster from compose/docker-compose.yml (Kafka, CouchDB, a Redis per node, three schedulers that run
 * every function in a Docker container, the ingress): genome, video and wordcount deployed and run through the
 * HTTP API with their outputs checked in the stores, and the replay tool driving it by its Kafka address. The
 * stand-in images with {@code FAASFLOW_LOCAL_IMAGES=1}; the official ones otherwise. Afterwards nothing of it is left
 * on the engine. The three workflows are invoked together once the cluster is up, as their function containers'
 * cold starts take most of the time; each test waits for its own.
 */
@RequiresDockerEngine
@Timeout(900)
class ComposeClusterIT {
    private static final Duration WAIT = Duration.ofMinutes(4);
    private static final double RUNTIME_SCALE = 0.05;
    private static final double SIZE_SCALE = 0.001;
    private static ComposeCluster cluster;
    private static IngressClient client;
    private static final Map<String, String> INVOCATIONS = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void up() throws Exception {
        ComposeCluster.requireComposeTool();
        boolean local = LocalImages.enabled();
        // No registry has the project's own images: they are built here either way.
        if (local) {
            LocalImages.build("kafka", "redis", "couchdb", "node-scheduler", "ingress", "functions");
        } else {
            LocalImages.build("node-scheduler", "ingress", "functions");
        }
        cluster = ComposeCluster.up(ClusterFixture.projectHome(), local, Map.of(
                "FAASFLOW_DATA_KEEP_SECONDS", "600",
                "FAASFLOW_SYNTHETIC_RUNTIME_SCALE", Double.toString(RUNTIME_SCALE),
                "FAASFLOW_SYNTHETIC_SIZE_SCALE", Double.toString(SIZE_SCALE),
                "FAASFLOW_SCALE_LIMIT", "1000"));
        client = new IngressClient(cluster.ingressUrl(), cluster.apiToken());
        deploy("genome", true);
        deploy("video", false);
        deploy("wordcount", false);
        INVOCATIONS.put("genome", client.invoke("genome", "{}"));
        INVOCATIONS.put("video split", client.invoke("video", WorkloadChecks.VIDEO_SPLIT_INPUT));
        INVOCATIONS.put("video whole", client.invoke("video", WorkloadChecks.VIDEO_WHOLE_INPUT));
        INVOCATIONS.put("wordcount", client.invoke("wordcount", WorkloadChecks.WORDCOUNT_INPUT));
    }

    private static void deploy(String workflow, boolean synthetic) {
        client.deploy(workflow, BenchmarkWorkflows.yaml(workflow), synthetic, null, BenchmarkWorkflows.info(workflow).maxContainers());
    }

    @AfterAll
    static void down() throws Exception {
        if (cluster == null) {
            return;
        }
        String project = cluster.project();
        cluster.close();
        assertEquals("", ComposeCluster.docker("ps", "-a", "-q", "--filter", "label=com.docker.compose.project=" + project),
                "containers of " + project + " are left after down");
        for (int node = 0; node < cluster.nodes(); node++) {
            assertEquals("", ComposeCluster.docker("ps", "-a", "-q", "--filter", "label=" + ContainerSpec.LABEL_OWNER + "=" + project + "-node-" + node),
                    "function containers of node " + node + " are left after down");
        }
        assertEquals("", ComposeCluster.docker("network", "ls", "-q", "--filter", "name=^" + project + "$"),
                "network " + project + " is left after down");
    }

    /** The result of invocation {@code name} made at start-up, once it ended. */
    private static JsonNode finished(String name) throws InterruptedException {
        JsonNode status = client.awaitFinished(INVOCATIONS.get(name), WAIT);
        assertEquals("SUCCEEDED", status.path("status").asText(), status.toString());
        return status;
    }

    private static StoredOutputs outputs() {
        return new StoredOutputs(cluster.nodes(), cluster::redisUri, cluster.couchUrl());
    }

    @Test
    void genomeRunsEveryFunctionAndStoresItsOutputs() throws Exception {
        JsonNode status = finished("genome");
        try (StoredOutputs outputs = outputs()) {
            WorkloadChecks.synthetic("genome", status, outputs, SIZE_SCALE);
        }
        assertTrue(status.path("functions").findValues("node").stream().map(JsonNode::asInt).distinct().count() > 1,
                "genome's functions are spread over more than one node: " + status);
        // They ran in function containers that the schedulers started (kept 600 s after their last run).
        for (int node : status.path("functions").findValues("node").stream().map(JsonNode::asInt).distinct().toList()) {
            assertFalse(ComposeCluster.docker("ps", "-q", "--filter", "label=" + ContainerSpec.LABEL_OWNER + "="
                    + cluster.project() + "-node-" + node, "--filter", "label=" + ContainerSpec.LABEL_WORKFLOW + "=genome").isEmpty(),
                    "no function container of genome runs on node " + node);
        }
    }

    @Test
    void functionContainersLogInToCouchDbAsTheFunctionUserAndNotAsTheAdmin() throws Exception {
        finished("genome");
        String setup = cluster.compose(Duration.ofSeconds(30), "logs", "--no-color", "couchdb-setup");
        assertTrue(setup.contains("COUCHDB_READY function user 'faasflow-function' is a member of faasflow-data"), setup);
        for (int node = 0; node < cluster.nodes(); node++) {
            String log = cluster.compose(Duration.ofSeconds(30), "logs", "--no-color", "scheduler-" + node);
            assertTrue(log.contains("function code reaches CouchDB http://couchdb:5984 as user 'faasflow-function' (roles []"),
                    "scheduler-" + node + " does not say whom its function containers log in as");
            assertFalse(log.contains(ComposeCluster.COUCHDB_PASSWORD), "scheduler-" + node + " logs the admin password");
        }
    }

    @Test
    void videoMergesTheFramesOfEverySegmentOrKeepsTheWholeVideo() throws Exception {
        JsonNode split = finished("video split");
        JsonNode whole = finished("video whole");
        try (StoredOutputs outputs = outputs()) {
            WorkloadChecks.videoSplit(split, outputs);
            WorkloadChecks.videoWhole(whole, outputs);
        }
    }

    @Test
    void wordcountCountsEveryWordOfItsInput() throws Exception {
        JsonNode status = finished("wordcount");
        try (StoredOutputs outputs = outputs()) {
            WorkloadChecks.wordcount(status, outputs);
        }
    }

    @Test
    void replayDrivesTheClusterByItsKafkaAddress() throws Exception {
        finished("genome");
        try (KafkaInvoker invoker = KafkaInvoker.connect(cluster.bootstrapServers(), "")) {
            ReplayRun run = new Replayer(invoker, new ReplayOptions(1, Duration.ofSeconds(60), Duration.ofSeconds(5)), null)
                    .closedLoop(List.of(new ReplayTarget("genome", null)), 2);
            ReplaySummary summary = ReplaySummary.of(run);
            assertTrue(summary.all().count() >= 2, summary.toString());
            assertEquals(summary.all().count(), summary.all().succeeded(), summary.toString());
        }
    }
}
