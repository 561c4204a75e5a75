package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.model.FunctionKind;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.WorkflowDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What a finished run of a benchmark workflow must have produced, read back from the stores: the checks every
 * cluster runs (local processes, Docker containers, the compose cluster).
 */
final class WorkloadChecks {
    static final String WORDCOUNT_INPUT = "{\"files\": 4}";
    static final String VIDEO_SPLIT_INPUT = "{\"video_name\": \"test.mp4\", \"user_name\": \"ann\", \"split\": true, "
            + "\"segment_time\": 2, \"duration_s\": 5}";
    static final String VIDEO_WHOLE_INPUT = "{\"video_name\": \"test.mp4\", \"user_name\": \"ann\", \"split\": false, "
            + "\"duration_s\": 3}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkloadChecks() {
    }

    /** Every function ran, and the word counts sum to the words of the books the start function picked. */
    static void wordcount(JsonNode status, StoredOutputs outputs) throws IOException {
        InvocationAssertions.assertRanAndSkipped(status, BenchmarkWorkflows.load("wordcount"), Set.of());
        long inputWords = BookArchiveWords.count(outputs.read(status, "start", "file"));
        JsonNode result = JSON.readTree(outputs.read(status, "merge", "result"));
        long counted = 0;
        for (JsonNode count : (Iterable<JsonNode>) result::elements) {
            counted += count.asLong();
        }
        assertTrue(inputWords > 100_000, "the books hold " + inputWords + " words");
        assertEquals(inputWords, counted, "word counts sum to the words of the input");
    }

    /** A run of {@link #VIDEO_SPLIT_INPUT}: three segments transcoded, merged with all their frames, a GIF uploaded. */
    static void videoSplit(JsonNode split, StoredOutputs outputs) throws IOException {
        InvocationAssertions.assertRanAndSkipped(split, BenchmarkWorkflows.load("video"), Set.of("simple_process"));
        JsonNode merged = JSON.readTree(outputs.read(split, "merge", "content"));
        assertEquals(3, merged.path("segments").asInt(), merged.toString());
        long segmentFrames = 0;
        for (int element = 0; element < 3; element++) {
            segmentFrames += JSON.readTree(outputs.readElement(split, "transcode", "content", element)).path("frames").asLong();
        }
        assertEquals(50, segmentFrames, "5 s at 10 fps in segments of 2 s");
        assertEquals(segmentFrames, merged.path("frames").asLong(), "the merged video has the segments' frames");
        assertTrue(outputs.read(split, "merge", "merged").length > 1_000, "the merged video is stored");
        byte[] gif = outputs.read(split, "upload", "gif");
        assertEquals("GIF89a", new String(gif, 0, 6, StandardCharsets.US_ASCII));
    }

    /** A run of {@link #VIDEO_WHOLE_INPUT}: the switch takes simple_process, which keeps all 30 frames. */
    static void videoWhole(JsonNode whole, StoredOutputs outputs) throws IOException {
        InvocationAssertions.assertRanAndSkipped(whole, BenchmarkWorkflows.load("video"), Set.of("split", "transcode", "merge"));
        assertEquals(30, JSON.readTree(outputs.read(whole, "simple_process", "content")).path("frames").asLong());
    }

    /**
     * A synthetic run: functions ran in dependency order, and each output has its declared size times
     * {@code sizeScale}.
     */
    static void synthetic(String workflow, JsonNode status, StoredOutputs outputs, double sizeScale) {
        WorkflowDefinition definition = BenchmarkWorkflows.load(workflow);
        InvocationAssertions.assertRanInDependencyOrder(status, definition);
        for (FunctionSpec function : definition.functions()) {
            if (function.kind() != FunctionKind.TASK) {
                continue;
            }
            for (var output : function.outputs().entrySet()) {
                long expected = Math.round(output.getValue().size() * sizeScale);
                assertEquals(expected, outputs.read(status, function.name(), output.getKey()).length,
                        function.name() + "/" + output.getKey());
            }
        }
    }
}
