package io.faasflow.experiments.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.demo.InvocationReport;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.WorkflowGraph;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-edge trigger latency: a chain of no-op functions spread over the cluster's nodes runs in a closed
 * loop; for every edge, the child's start minus the parent's end is a same-node or a cross-node sample.
 * Also reports each invocation's e2e minus its critical path (the scheduling overhead).
 */
public final class TriggerLatencyBenchmark {
    private static final int CHAIN = 12;

    private TriggerLatencyBenchmark() {
    }


    public static Map<String, Percentiles> run(LocalCluster cluster, int invocations, PrintStream out)
            throws InterruptedException {
        IngressClient client = new IngressClient(cluster.ingressUrl(), cluster.apiToken());
        String yaml = NoopChain.yaml(CHAIN);
        JsonNode plan = client.deploy("trigger-chain", yaml, false, "contiguous").path("plan").path("functionNodes");
        WorkflowGraph graph = new WorkflowGraph(new WorkflowLoader().parse("trigger-chain", yaml, "benchmark"));
        List<Double> sameNode = new ArrayList<>();
        List<Double> crossNode = new ArrayList<>();
        List<Double> overhead = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        // JIT compilation of five JVMs saturates both cores for the first minute: warm up long.
        int warmup = Math.max(200, invocations / 5);
        for (int n = 0; n < warmup + invocations; n++) {
            JsonNode status = client.awaitFinished(client.invoke("trigger-chain", "{}"), Duration.ofSeconds(30));
            if (!"SUCCEEDED".equals(status.path("status").asText())) {
                throw new IllegalStateException("benchmark invocation failed: " + status);
            }
            if (n < warmup) {
                continue;
            }
            JsonNode functions = status.path("functions");
            for (int i = 1; i < CHAIN; i++) {
                JsonNode parent = functions.path("f" + (i - 1));
                JsonNode child = functions.path("f" + i);
                double millis = (child.path("startMicros").asLong() - parent.path("endMicros").asLong()) / 1000.0;
                boolean same = plan.path("f" + (i - 1)).asInt() == plan.path("f" + i).asInt();
                (same ? sameNode : crossNode).add(millis);
                rows.add(n + ",f" + (i - 1) + ",f" + i + "," + (same ? "same" : "cross") + "," + millis);
            }
            overhead.add(InvocationReport.of(status, graph).overheadMillis());
        }
        Map<String, Percentiles> summary = new LinkedHashMap<>();
        summary.put("same-node trigger (ms)", Percentiles.of(sameNode));
        summary.put("cross-node trigger (ms)", Percentiles.of(crossNode));
        summary.put("e2e minus critical path, 12-function chain (ms)", Percentiles.of(overhead));
        summary.forEach((name, p) -> out.println(name + ": " + p.describe("ms")));
        ResultFiles files = new ResultFiles(cluster.workDir().resolve("results"));
        out.println("wrote " + files.json("trigger-latency.json", summary) + " and "
                + files.csv("trigger-latency.csv", "invocation,parent,child,edge,millis", rows));
        return summary;
    }
}
