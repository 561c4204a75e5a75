package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.model.WorkflowDefinition;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ContainerWorkloadsContract} and the three workflows the compose cluster's test runs in Docker containers
 * ({@link ComposeClusterIT}): wordcount, video and genome, for a runtime that test does not cover.
 */
abstract class AllWorkloadsContract extends ContainerWorkloadsContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void wordcountCountsEveryWordOfItsInput() throws Exception {
        JsonNode status = run("wordcount", false, WorkloadChecks.WORDCOUNT_INPUT);
        try (StoredOutputs outputs = new StoredOutputs(cluster())) {
            WorkloadChecks.wordcount(status, outputs);
        }
    }

    @Test
    void videoMergesTheFramesOfEverySegment() throws Exception {
        WorkflowDefinition video = BenchmarkWorkflows.load("video");
        JsonNode split = run("video", false, WorkloadChecks.VIDEO_SPLIT_INPUT);
        try (StoredOutputs outputs = new StoredOutputs(cluster())) {
            WorkloadChecks.videoSplit(split, outputs);
        }
        JsonNode whole = client().awaitFinished(client().invoke("video", "{\"video_name\": \"test.mp4\", "
                + "\"user_name\": \"ann\", \"split\": false, \"duration_s\": 3}"), WAIT);
        InvocationAssertions.assertRanAndSkipped(whole, video, Set.of("split", "transcode", "merge"));
        try (StoredOutputs outputs = new StoredOutputs(cluster())) {
            assertEquals(30, JSON.readTree(outputs.read(whole, "simple_process", "content")).path("frames").asLong());
        }
    }

    @Test
    void genomeRunsTheSyntheticFunctionEverywhere() throws Exception {
        JsonNode status = run("genome", true, "{}");
        try (StoredOutputs outputs = new StoredOutputs(cluster())) {
            WorkloadChecks.synthetic("genome", status, outputs, 0.001);
        }
    }
}
