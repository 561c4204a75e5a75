package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.model.WorkflowGraph;

/** Checks on a finished invocation's status JSON. */
final class InvocationAssertions {
    private InvocationAssertions() {
    }

    /** Succeeded; exactly {@code skipped} did not run; each that ran started after its predecessors that ran ended. */
    static void assertRanAndSkipped(JsonNode status, WorkflowDefinition workflow, java.util.Set<String> skipped) {
        assertEquals("SUCCEEDED", status.path("status").asText(), status.toString());
        java.util.Set<String> reportedSkipped = new java.util.TreeSet<>();
        status.path("skipped").forEach(name -> reportedSkipped.add(name.asText()));
        assertEquals(new java.util.TreeSet<>(skipped), reportedSkipped, status.toString());
        JsonNode timings = status.path("functions");
        WorkflowGraph graph = new WorkflowGraph(workflow);
        for (FunctionSpec function : workflow.functions()) {
            boolean ran = timings.path(function.name()).isObject();
            assertEquals(!skipped.contains(function.name()), ran, function.name() + " in " + status);
            if (!ran) {
                continue;
            }
            long start = timings.path(function.name()).path("startMicros").asLong();
            for (String parent : graph.predecessors(function.name())) {
                if (timings.path(parent).isObject()) {
                    assertTrue(start >= timings.path(parent).path("endMicros").asLong(), function.name() + " before " + parent);
                }
            }
        }
    }

    /** Succeeded, every function ran, and each started only after all of its predecessors had ended. */
    static void assertRanInDependencyOrder(JsonNode status, WorkflowDefinition workflow) {
        assertEquals("SUCCEEDED", status.path("status").asText(), status.toString());
        JsonNode timings = status.path("functions");
        WorkflowGraph graph = new WorkflowGraph(workflow);
        for (FunctionSpec function : workflow.functions()) {
            JsonNode timing = timings.path(function.name());
            assertTrue(timing.isObject(), function.name() + " has no timing in " + status);
            long start = timing.path("startMicros").asLong();
            assertTrue(timing.path("endMicros").asLong() >= start, function.name());
            for (String parent : graph.predecessors(function.name())) {
                long parentEnd = timings.path(parent).path("endMicros").asLong();
                assertTrue(start >= parentEnd, function.name() + " started at " + start + " before " + parent
                        + " ended at " + parentEnd);
            }
        }
    }
}
