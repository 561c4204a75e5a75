package io.faasflow.topology.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.topology.model.EdgeType;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.model.WorkflowGraph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkflowLoaderTest {
    private final WorkflowLoader loader = new WorkflowLoader();

    private static String fixture(String name) throws IOException {
        try (InputStream in = WorkflowLoaderTest.class.getResourceAsStream("/workflows/invalid/" + name + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown-successor  | b        | next.nodes              | unknown successor 'missing'",
        "duplicate-name     | a        | name                    | duplicate function name",
        "cycle              | b        | next.nodes              | is on a cycle",
        "switch-mismatch    | sw       | next.conditions         | switch has 1 conditions but 2 nodes",
        "unknown-producer   | b        | input.x.value.function  | unknown producer 'nobody'",
        "unknown-key        | b        | input.x.value.parameter | declares no output 'missing'",
        "negative-size      | a        | output.out.size         | must not be negative",
        "negative-runtime   | b        | runtime                 | must not be negative",
        "not-a-predecessor  | c        | input.x.value.function  | is not a predecessor",
        "bad-condition      | sw       | next.conditions[0]      | position",
    })
    void shouldNameFileFunctionAndFieldWhenDefinitionIsInvalid(String fixture, String function, String field,
            String message) throws IOException {
        String source = "workflows/invalid/" + fixture + ".yaml";
        WorkflowDefinitionException error = assertThrows(WorkflowDefinitionException.class,
                () -> loader.parse(fixture, fixture(fixture), source));
        assertTrue(error.getMessage().startsWith(source + ": "), error.getMessage());
        DefinitionProblem problem = error.problems().stream()
                .filter(p -> function.equals(p.function()) && field.equals(p.field()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + function + "/" + field + " in " + error.getMessage()));
        assertTrue(problem.message().contains(message), problem.message());
        assertTrue(error.getMessage().contains("function '" + function + "', field '" + field + "'"), error.getMessage());
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        String yaml = """
                functions:
                - name: a
                  source: s
                  runtime: -1
                  output: {o: {type: normal, size: -5}}
                """;
        WorkflowDefinitionException error = assertThrows(WorkflowDefinitionException.class,
                () -> loader.parse("w", yaml, "request"));
        assertEquals(2, error.problems().size(), error.getMessage());
    }

    @Test
    void shouldRejectDocumentThatIsNotYaml() {
        WorkflowDefinitionException error = assertThrows(WorkflowDefinitionException.class,
                () -> loader.parse("w", "functions: [a, {", "bad.yaml"));
        assertTrue(error.getMessage().startsWith("bad.yaml: field '(document)'"), error.getMessage());
    }

    @Test
    void shouldReadSwitchNodesAndConditions() {
        WorkflowDefinition video = BenchmarkWorkflows.load("video");
        var virtual1 = video.require("virtual1");
        assertEquals(EdgeType.SWITCH, virtual1.next().type());
        assertEquals(List.of("split", "simple_process"), virtual1.next().nodes());
        assertEquals(List.of("INPUT.split", "default"), virtual1.next().conditions());
    }

    @Test
    void shouldLoadAThousandFunctionDag() {
        String yaml = LayeredDagYaml.generate(1000, 10);
        WorkflowDefinition workflow = null;
        for (int round = 1; round <= 3; round++) {
            long started = System.nanoTime();
            workflow = loader.parse("big", yaml, "generated");
            long micros = (System.nanoTime() - started) / 1000;
            System.out.printf("round %d: loaded and validated %d functions in %.1f ms%n", round,
                    workflow.functions().size(), micros / 1000.0);
        }
        assertEquals(1000, workflow.functions().size());
        assertEquals(10, new WorkflowGraph(workflow).startFunctions().size());
    }

    @Test
    void shouldReadRetriesAndTimeoutAndLeaveUndeclaredOnesToTheNode() {
        WorkflowDefinition definition = loader.parse("policy", """
                functions:
                - name: a
                  source: s
                  max_attempts: 4
                  retry_backoff_ms: 250
                  timeout_s: 1.5
                  next: {type: pass, nodes: [b]}
                - name: b
                  source: s
                """, "policy.yaml");
        var declared = definition.require("a").policy();
        assertEquals(4, declared.maxAttempts());
        assertEquals(java.time.Duration.ofMillis(250), declared.retryBackoff());
        assertEquals(java.time.Duration.ofMillis(1500), declared.timeout());
        assertEquals(io.faasflow.topology.model.ExecutionPolicy.DEFAULTS, definition.require("b").policy());
    }

    @Test
    void shouldRejectZeroAttemptsAndZeroTimeout() {
        WorkflowDefinitionException error = assertThrows(WorkflowDefinitionException.class, () -> loader.parse("policy", """
                functions:
                - name: a
                  source: s
                  max_attempts: 0
                  timeout_s: 0
                """, "policy.yaml"));
        assertTrue(error.getMessage().contains("function 'a', field 'max_attempts'"), error.getMessage());
        assertTrue(error.getMessage().contains("function 'a', field 'timeout_s'"), error.getMessage());
    }
}
