package io.faasflow.experiments.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.model.WorkflowGraph;
import io.faasflow.topology.wire.WireJson;
import java.util.List;
import java.util.Map;

/**
 * The 8 benchmark workflows in the paper's table order. video takes its split branch (foreach and merge);
 * illgal_recognizer gets a clean image, the branch whose critical path the original hard-coded (extract,
 * word_censor, translate).
 */
public final class PaperWorkflows {
    static final List<String> ORDER = List.of("cycles", "epigenomics", "genome", "soykb", "video", "illgal_recognizer",
            "fileprocessing", "wordcount");
    private static final Map<String, String> INPUTS = Map.of(
            "video", "{\"split\": true}",
            "illgal_recognizer", "{\"image_name\": \"01.jpg\", \"user_name\": \"experiment\", \"illegal_flag\": false}");

    private PaperWorkflows() {
    }

    public static List<PaperWorkflow> all() {
        return ORDER.stream().map(PaperWorkflows::of).toList();
    }

    public static PaperWorkflow of(String name) {
        try {
            ObjectNode input = (ObjectNode) WireJson.mapper().readTree(INPUTS.getOrDefault(name, "{}"));
            return new PaperWorkflow(name, BenchmarkWorkflows.yaml(name), input,
                    new WorkflowGraph(BenchmarkWorkflows.load(name)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
