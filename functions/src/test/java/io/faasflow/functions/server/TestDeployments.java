package io.faasflow.functions.server;

import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.placement.FixedPlacement;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.wire.DeployedWorkflow;
import java.util.LinkedHashMap;
import java.util.Map;

/** Deployed workflows, every function on node 0, and init requests for them; for tests. */
final class TestDeployments {
    static final StorageSettings STORAGE = new StorageSettings("redis://127.0.0.1:6379", "http://127.0.0.1:5984",
            "faasflow-data", 3_600L);

    /** One function, {@code solo}, of the given source, writing output {@code out}. */
    static String oneFunction(String source) {
        return """
                functions:
                - name: solo
                  source: %s
                  runtime: 0.01
                  output: {out: {type: normal, size: 4}}
                """.formatted(source);
    }

    private TestDeployments() {
    }

    static DeployedWorkflow wordcount() {
        return deploy("wordcount", 1, BenchmarkWorkflows.yaml("wordcount"), false);
    }

    static DeployedWorkflow deploy(String name, long version, String yaml, boolean synthetic) {
        WorkflowDefinition definition = new WorkflowLoader().parse(name, yaml, "test");
        Map<String, Integer> nodes = new LinkedHashMap<>();
        definition.functions().stream().map(FunctionSpec::name).forEach(function -> nodes.put(function, 0));
        PlacementPlan plan = new PlacementPlanner(new FixedPlacement(nodes)).plan(definition, 1);
        return new DeployedWorkflow(name, version, yaml, synthetic, plan, 0);
    }

    static InitRequest init(DeployedWorkflow deployment, String function) {
        return new InitRequest(deployment, function, STORAGE, 1.0, 1.0);
    }

    static RunRequest single(String invocation) {
        return new RunRequest(invocation, -1, 1, Map.of());
    }

    static RunRequest element(String invocation, int element) {
        return new RunRequest(invocation, element, 1, Map.of());
    }
}
