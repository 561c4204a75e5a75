package io.faasflow.experiments.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.topology.model.CriticalPath;
import io.faasflow.topology.model.WorkflowGraph;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Figures of one finished invocation, from its status JSON: end-to-end latency (client submission to the
 * last function's end), the critical path of measured function times, and what is left: the overhead.
 *
 * @param functions functions the workflow declares
 * @param ran functions that ran (the status's {@code functions} map)
 * @param skipped functions on untaken switch branches (the status's {@code skipped} list)
 * @param nodesUsed distinct nodes functions ran on
 * @param e2eMillis last function end minus submission
 * @param criticalPathMillis sum of measured function times along the heaviest path
 */
public record InvocationReport(String workflow, int functions, int ran, int skipped, int nodesUsed, double e2eMillis,
        double criticalPathMillis) {

    public double overheadMillis() {
        return e2eMillis - criticalPathMillis;
    }

    public static InvocationReport of(JsonNode status, WorkflowGraph graph) {
        JsonNode timings = status.path("functions");
        TreeSet<Integer> nodes = new TreeSet<>();
        long lastEnd = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = timings.fields(); it.hasNext(); ) {
            JsonNode timing = it.next().getValue();
            nodes.add(timing.path("node").asInt());
            lastEnd = Math.max(lastEnd, timing.path("endMicros").asLong());
        }
        CriticalPath path = CriticalPath.of(graph, function -> {
            JsonNode timing = timings.path(function);
            return timing.isMissingNode() ? 0 : (timing.path("endMicros").asLong() - timing.path("startMicros").asLong()) / 1000.0;
        });
        double e2e = (lastEnd - status.path("submittedAt").asLong() * 1000) / 1000.0;
        return new InvocationReport(status.path("workflow").asText(), graph.definition().functions().size(), timings.size(),
                status.path("skipped").size(), nodes.size(), e2e, path.length());
    }
}
