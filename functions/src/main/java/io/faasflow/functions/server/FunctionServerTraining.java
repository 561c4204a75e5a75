package io.faasflow.functions.server;

import io.faasflow.functions.BuiltInFunctions;
import io.faasflow.functions.FunctionRegistry;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.placement.FixedPlacement;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.wire.DeployedWorkflow;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training run of the function server for the JVM's ahead-of-time cache ({@code -XX:AOTCacheOutput}, JDK 25):
 * does once what every cold start does (builds each built-in function, parses the benchmark workflows, serves
 * {@code /status}, {@code /init} and {@code /run} over HTTP, tries to reach storage) and exits. The function
 * image is built with the cache this run leaves, so a container's cold start loads and links those classes
 * from it instead of from the jars. Storage points at a closed port: the connection attempt loads its classes
 * and fails at once.
 */
public final class FunctionServerTraining {
    private static final String CLOSED = "127.0.0.1:1";

    private FunctionServerTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        FunctionRegistry registry = BuiltInFunctions.registry(new SyntheticScale(1, 1));
        for (String source : registry.sources()) {
            registry.lookup(source).orElseThrow();
        }
        FunctionServer server = FunctionServer.start("127.0.0.1", 0);
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            URI base = URI.create("http://127.0.0.1:" + server.port() + "/");
            int answered = 0;
            answered += send(http, base.resolve("status"), null);
            for (String workflow : BenchmarkWorkflows.NAMES) {
                DeployedWorkflow deployment = deployment(workflow);
                String function = new WorkflowLoader().parse(workflow, deployment.yaml(), workflow).functions().getFirst().name();
                answered += send(http, base.resolve("init"), new InitRequest(deployment, function,
                        new StorageSettings("redis://" + CLOSED, "http://" + CLOSED, "faasflow-data", 60L), 1.0, 1.0));
            }
            answered += send(http, base.resolve("run"), new RunRequest("training", -1, 1, Map.of()));
            System.out.println("function server training: " + answered + " requests answered");
        } finally {
            server.close();
        }
    }

    private static DeployedWorkflow deployment(String workflow) {
        String yaml = BenchmarkWorkflows.yaml(workflow);
        WorkflowDefinition definition = new WorkflowLoader().parse(workflow, yaml, workflow);
        Map<String, Integer> nodes = new LinkedHashMap<>();
        definition.functions().stream().map(FunctionSpec::name).forEach(function -> nodes.put(function, 0));
        PlacementPlan plan = new PlacementPlanner(new FixedPlacement(nodes)).plan(definition, 1);
        return new DeployedWorkflow(workflow, 1, yaml, false, plan, 0);
    }

    /** Sends a request; any answer counts (most are refusals: there is no storage to reach). */
    private static int send(HttpClient http, URI uri, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(WireJson.write(body)));
        }
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return 1;
    }
}
