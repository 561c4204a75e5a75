package io.faasflow.experiments.demo;

import io.faasflow.topology.model.WorkflowGraph;

/**
 * One row of the demo: a deployment of a benchmark workflow and the input of its invocations.
 *
 * @param label the name the tables show, e.g. {@code illgal_recognizer (flagged)}
 * @param deployment the workflow name it is deployed under
 * @param yaml its flat YAML, deployed with {@code synthetic=true}
 * @param input the JSON object every invocation sends
 * @param graph the loaded {@code yaml}, for the critical path
 * @param expected the switch branch every invocation must take
 */
public record DemoWorkflow(String label, String deployment, String yaml, String input, WorkflowGraph graph,
        BranchExpectation expected) {
}
