package io.faasflow.topology.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Definitions as a careless or hostile user writes them: typos, odd names and YAML built to blow up. */
class UntrustedDefinitionTest {
    private static final String TWO_FUNCTIONS = """
            functions:
            - name: a
              source: s
              next: {type: pass, %s: [b]}
            - name: %s
              source: s
              next: {type: pass, nodes: []}
            """;

    private static WorkflowDefinitionException rejected(String yaml) {
        return assertThrows(WorkflowDefinitionException.class, () -> new WorkflowLoader().parse("w", yaml, "test"));
    }

    @Test
    void shouldNameAMisspeltFieldWithTheNearestKnownOne() {
        WorkflowDefinitionException e = rejected(TWO_FUNCTIONS.formatted("node", "b"));
        DefinitionProblem problem = e.problems().getFirst();
        assertEquals("a", problem.function());
        assertEquals("next.node", problem.field());
        assertTrue(problem.message().contains("did you mean 'nodes'?"), problem.message());
    }

    @Test
    void shouldListTheKnownFieldsWhenNoneIsNear() {
        WorkflowDefinitionException e = rejected("functions:\n- name: a\n  source: s\n  colour: red\n");
        assertEquals("colour", e.problems().getFirst().field());
        assertTrue(e.problems().getFirst().message().contains("known here: ["), e.getMessage());
    }

    @Test
    void shouldAcceptTheFieldsTheOriginalUsesWithoutReadingThem() {
        String yaml = """
                global_output:
                  result: {type: pass, value: {function: a, parameter: out}}
                functions:
                - name: a
                  source: s
                  output: {out: {type: NORMAL, size: 1, value: ignored}}
                  next: {type: pass, nodes: []}
                """;
        assertEquals(1, new WorkflowLoader().parse("w", yaml, "test").functions().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"INPUT", "''", "a/b", "a@b", "'a b'", "\"a\\0b\"", "\"a\\nb\"", "-a", "a.b"})
    void shouldRefuseFunctionNamesOutsideTheDocumentedSet(String name) {
        WorkflowDefinitionException e = rejected(TWO_FUNCTIONS.formatted("nodes", name));
        assertTrue(e.problems().stream().anyMatch(p -> p.field().equals("functions[1].name")), e.getMessage());
    }

    @Test
    @Timeout(10)
    void shouldAnswerAnAliasBombQuicklyWithAShortMessage() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*a" + (level - 1);
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", List.of(previous, previous, previous, previous, previous, previous,
                            previous, previous, previous, previous))).append("]\n");
        }
        yaml.append("functions:\n- name: f\n  source: s\n  runtime: *a9\n  timeout_s: *a9\n  next: {type: pass, nodes: *a9}\n");
        WorkflowDefinitionException e = rejected(yaml.toString());
        assertTrue(e.getMessage().length() < 5_000, "message of " + e.getMessage().length() + " characters");
    }
}
