package io.faasflow.experiments.demo;

import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.model.WorkflowGraph;
import java.util.List;
import java.util.Set;

/**
 * illgal_recognizer twice: a clean image (switch {@code virtual1} takes its default, {@code extract}'s chain
 * and {@code END} run, {@code mosaic} is skipped) and a flagged one ({@code mosaic} runs, the chain is skipped).
 * The deployment is synthetic, where a global input the invocation gives comes before the functions' filler
 * outputs when a switch reads {@code INPUT.illegal_flag} ({@code SwitchEvaluator}): the input chooses the branch.
 */
final class IllegalRecognizerRuns {
    static final String WORKFLOW = "illgal_recognizer";
    private static final String IMAGE = "\"image_name\": \"01.jpg\", \"user_name\": \"demo\"";

    private IllegalRecognizerRuns() {
    }

    static List<DemoWorkflow> both() {
        WorkflowGraph graph = new WorkflowGraph(BenchmarkWorkflows.load(WORKFLOW));
        String yaml = BenchmarkWorkflows.yaml(WORKFLOW);
        return List.of(
                new DemoWorkflow(WORKFLOW + " (clean)", WORKFLOW, yaml, "{" + IMAGE + ", \"illegal_flag\": false}",
                        graph, new BranchExpectation(Set.of("extract"), Set.of("mosaic"))),
                new DemoWorkflow(WORKFLOW + " (flagged)", WORKFLOW, yaml, "{" + IMAGE + ", \"illegal_flag\": true}",
                        graph, new BranchExpectation(Set.of("mosaic"), Set.of("extract"))));
    }
}
