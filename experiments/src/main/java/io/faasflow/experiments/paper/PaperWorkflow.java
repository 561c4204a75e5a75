package io.faasflow.experiments.paper;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.experiments.replay.ReplayTarget;
import io.faasflow.topology.model.WorkflowGraph;

/**
 * One of the 8 benchmark workflows as the experiments deploy and invoke it: as a model, every function the
 * synthetic one that sleeps its declared runtime (times the runtime scale) and writes its declared sizes (times
 * the size scale). Real implementations (video, illgal_recognizer, wordcount, fileprocessing) are looked up by
 * deployment name, so the deployment takes another name; real code would not run faster with the experiments'
 * compressed clock.
 *
 * @param name the workflow's name, as the reports show it
 * @param yaml its flat YAML
 * @param input what every invocation sends
 * @param graph the loaded YAML, for critical paths
 */
public record PaperWorkflow(String name, String yaml, ObjectNode input, WorkflowGraph graph) {

    /** The name it is deployed and invoked under. */
    public String deployment() {
        return name + "-model";
    }

    public ReplayTarget target() {
        return new ReplayTarget(deployment(), input);
    }
}
