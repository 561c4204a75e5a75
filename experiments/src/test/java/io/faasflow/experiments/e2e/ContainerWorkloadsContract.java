package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.ClusterOptions;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.cluster.SchedulingMode;
import io.faasflow.scheduler.NodeSchedulerConfig;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.model.WorkflowDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Benchmark workflows through the HTTP API with every function in a pooled container of one runtime, over real
 * Kafka, Redis and CouchDB-compatible services; their outputs are read back from the stores and checked:
 * fileprocessing, illgal_recognizer, and one of the synthetic scientific workflows, which differ in shape but not in
 * the function they run. Subclasses pick the runtime and that workflow. Wordcount, video and genome run in Docker
 * containers in {@link ComposeClusterIT}; every workflow runs in {@code ./faasflow demo} and the experiments.
 */
abstract class ContainerWorkloadsContract {
    static final Duration WAIT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    abstract LocalCluster cluster();

    abstract IngressClient client();

    /** The synthetic scientific workflow this runtime runs (cycles, epigenomics or soykb). */
    abstract String syntheticWorkflow();

    /** How many containers of {@code workflow} this runtime started on the cluster so far. */
    abstract long containersStartedFor(String workflow) throws IOException;

    /**
     * A 3-node cluster whose schedulers run functions in {@code runtime} containers, keep ended invocations' data
     * for the checks, and reclaim idle containers after 20 s so that each workflow's containers go before the next.
     */
    static LocalCluster startCluster(String name, String runtime, Map<String, String> more) throws IOException {
        Path work = Files.createTempDirectory("faasflow-" + name);
        Map<String, String> properties = new HashMap<>(Map.of(
                NodeSchedulerConfig.RUNTIME_CONFIG, runtime,
                NodeSchedulerConfig.KEEP_DATA_CONFIG, "600",
                NodeSchedulerConfig.POOL_IDLE_CONFIG, "20",
                NodeSchedulerConfig.CONTAINER_LOG_DIR_CONFIG, work.resolve("containers").toString()));
        properties.putAll(more);
        return LocalCluster.start(new ClusterOptions(3, 0, ClusterFixture.projectHome(), work,
                name + "-" + Long.toHexString(System.nanoTime()) + ".", 0.05, 0.001, true, 1000,
                SchedulingMode.WORKER).withSchedulerProperties(properties));
    }

    JsonNode run(String workflow, boolean synthetic, String input) throws Exception {
        client().deploy(workflow, BenchmarkWorkflows.yaml(workflow), synthetic, null,
                BenchmarkWorkflows.info(workflow).maxContainers());
        long before = containersStartedFor(workflow);
        JsonNode status = client().awaitFinished(client().invoke(workflow, input), WAIT);
        assertEquals("SUCCEEDED", status.path("status").asText(), status.toString());
        assertTrue(containersStartedFor(workflow) > before, "no container of " + workflow + " was started");
        return status;
    }

    @Test
    void fileprocessingConvertsTheHeadingsToHtml() throws Exception {
        JsonNode status = run("fileprocessing", false, "{\"filename\": \"Container Report\", \"lines\": 4000}");
        InvocationAssertions.assertRanAndSkipped(status, BenchmarkWorkflows.load("fileprocessing"), Set.of());
        try (StoredOutputs outputs = new StoredOutputs(cluster())) {
            String markdown = new String(outputs.read(status, "start", "file"), StandardCharsets.UTF_8);
            String html = new String(outputs.read(status, "conversion", "html"), StandardCharsets.UTF_8);
            assertTrue(markdown.startsWith("# Container Report\n"), markdown.substring(0, 40));
            assertTrue(html.contains("<h1>Container Report</h1>"), html.substring(0, Math.min(200, html.length())));
            long headings = markdown.lines().filter(line -> line.startsWith("#")).count();
            long converted = html.lines().filter(line -> line.matches("<h[1-6]>.*</h[1-6]>")).count();
            assertTrue(headings > 1, "the document has " + headings + " headings");
            assertEquals(headings, converted, "every markdown heading becomes an HTML heading");
            assertFalse(html.contains("\n# "), "no heading is left unconverted");
            JsonNode score = JSON.readTree(outputs.read(status, "sentiment", "score"));
            assertTrue(score.size() > 0, "the sentiment score has fields: " + score);
        }
    }

    @Test
    void illegalRecognizerCensorsAPlantedWordAndMosaicsTheImage() throws Exception {
        WorkflowDefinition recognizer = BenchmarkWorkflows.load("illgal_recognizer");
        JsonNode flagged = run("illgal_recognizer", false, "{\"image_name\": \"01.jpg\", \"user_name\": \"ann\", "
                + "\"text\": \"Meet me at the station at noon. Bring the bomb.\"}");
        // Clean image, so the first switch takes extract; the censor's flag takes the second switch to mosaic.
        InvocationAssertions.assertRanAndSkipped(flagged, recognizer, Set.of("END"));
        try (StoredOutputs outputs = new StoredOutputs(cluster())) {
            String text = new String(outputs.read(flagged, "extract", "extracted_text"), StandardCharsets.UTF_8);
            assertTrue(text.toLowerCase(java.util.Locale.ROOT).contains("bomb"), "OCR read: " + text);
            assertEquals("1", new String(outputs.read(flagged, "word_censor", "filter_count"), StandardCharsets.UTF_8));
            assertEquals("true", new String(outputs.read(flagged, "word_censor", "illegal_flag"), StandardCharsets.UTF_8));
            byte[] image = outputs.read(flagged, "upload", "content");
            byte[] mosaic = outputs.read(flagged, "mosaic", "content");
            assertTrue(image.length > 100_000 && mosaic.length > 0, image.length + " and " + mosaic.length + " bytes");
            assertFalse(java.util.Arrays.equals(image, mosaic), "the mosaic differs from the input");
        }
        JsonNode clean = client().awaitFinished(client().invoke("illgal_recognizer",
                "{\"image_name\": \"01.jpg\", \"user_name\": \"ann\"}"), WAIT);
        InvocationAssertions.assertRanAndSkipped(clean, recognizer, Set.of("mosaic"));
        JsonNode byImage = client().awaitFinished(client().invoke("illgal_recognizer",
                "{\"image_name\": \"01.jpg\", \"user_name\": \"ann\", \"scene\": \"violence\"}"), WAIT);
        InvocationAssertions.assertRanAndSkipped(byImage, recognizer,
                Set.of("extract", "translate", "word_censor", "virtual2", "END"));
    }

    @Test
    void scientificWorkflowRunsTheSyntheticFunctionEverywhere() throws Exception {
        String workflow = syntheticWorkflow();
        JsonNode status = run(workflow, true, "{}");
        try (StoredOutputs outputs = new StoredOutputs(cluster())) {
            WorkloadChecks.synthetic(workflow, status, outputs, 0.001);
        }
    }
}
