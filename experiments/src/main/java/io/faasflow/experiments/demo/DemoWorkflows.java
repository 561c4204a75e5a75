package io.faasflow.experiments.demo;

import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.model.WorkflowGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What {@code demo} and {@code compare-scheduling} run: all 8 benchmark workflows, illgal_recognizer twice. */
public final class DemoWorkflows {
    /** The benchmark workflows run once each with an empty input, in table order. */
    static final List<String> PLAIN = List.of("genome", "epigenomics", "cycles", "soykb", "fileprocessing",
            "wordcount");

    private DemoWorkflows() {
    }

    public static List<DemoWorkflow> all() {
        List<DemoWorkflow> workflows = new ArrayList<>();
        for (String name : PLAIN) {
            // wordcount takes an optional {"files": N}; its default is what the demo runs.
            workflows.add(new DemoWorkflow(name, name, BenchmarkWorkflows.yaml(name), "{}",
                    new WorkflowGraph(BenchmarkWorkflows.load(name)), BranchExpectation.ANY));
        }
        // video's switch reads INPUT.split: the split branch fans out over the segments (foreach and merge).
        workflows.add(new DemoWorkflow("video", "video", BenchmarkWorkflows.yaml("video"), "{\"split\": true}",
                new WorkflowGraph(BenchmarkWorkflows.load("video")),
                new BranchExpectation(Set.of("transcode", "merge"), Set.of("simple_process"))));
        workflows.addAll(IllegalRecognizerRuns.both());
        return List.copyOf(workflows);
    }
}
