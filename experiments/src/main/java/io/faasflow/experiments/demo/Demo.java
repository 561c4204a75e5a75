package io.faasflow.experiments.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.model.WorkflowGraph;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deploys the five benchmark workflows that use neither switch nor foreach (synthetic functions, scaled
 * runtimes), runs each once after {@code warmups} unreported runs (the original's harness dropped its first
 * 2 requests) and prints a table of e2e latency against the critical path of measured function times.
 */
public final class Demo {
    public static final List<String> WORKFLOWS = List.of("genome", "epigenomics", "cycles", "soykb", "fileprocessing");

    private Demo() {
    }

    /** Returns the number of invocations that did not succeed. */
    public static int run(LocalCluster cluster, int warmups, PrintStream out) throws InterruptedException {
        IngressClient client = new IngressClient(cluster.ingressUrl());
        List<InvocationReport> reports = new ArrayList<>();
        int failed = 0;
        for (String name : WORKFLOWS) {
            client.deploy(name, BenchmarkWorkflows.yaml(name), true);
        }
        for (String name : WORKFLOWS) {
            for (int i = 0; i < warmups; i++) {
                client.awaitFinished(client.invoke(name, "{}"), Duration.ofMinutes(3));
            }
            String id = client.invoke(name, "{}");
            JsonNode status = client.awaitFinished(id, Duration.ofMinutes(3));
            if (!"SUCCEEDED".equals(status.path("status").asText())) {
                out.println(name + " " + status.path("status").asText() + ": " + status.path("error"));
                failed++;
                continue;
            }
            reports.add(InvocationReport.of(status, new WorkflowGraph(BenchmarkWorkflows.load(name))));
        }
        out.println();
        out.printf(Locale.ROOT, "%-16s %9s %10s %12s %18s %14s%n", "workflow", "functions", "nodes used", "e2e (ms)",
                "critical path (ms)", "overhead (ms)");
        for (InvocationReport report : reports) {
            out.printf(Locale.ROOT, "%-16s %9d %10d %12.1f %18.1f %14.1f%n", report.workflow(), report.functions(),
                    report.nodesUsed(), report.e2eMillis(), report.criticalPathMillis(), report.overheadMillis());
        }
        return failed;
    }
}
