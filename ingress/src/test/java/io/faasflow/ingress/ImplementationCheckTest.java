package io.faasflow.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.load.DefinitionProblem;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.placement.ContiguousPlacement;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImplementationCheckTest {
    private final WorkflowDefinition wordcount = BenchmarkWorkflows.load("wordcount");
    private final PlacementPlan onOneNode = new PlacementPlanner(new ContiguousPlacement()).plan(wordcount, 1);

    @Test
    void shouldFindNothingWhenEveryNodeImplementsItsFunctions() {
        assertTrue(ImplementationCheck.missing(wordcount, onOneNode, Map.of(0, Set.of("start", "count", "merge")))
                .isEmpty());
    }

    @Test
    void shouldNameFunctionAndSourceWhenNodeLacksIt() {
        List<DefinitionProblem> problems = ImplementationCheck.missing(wordcount, onOneNode,
                Map.of(0, Set.of("start", "count")));
        assertEquals(1, problems.size());
        assertEquals("merge", problems.get(0).function());
        assertEquals("source", problems.get(0).field());
        assertTrue(problems.get(0).message().contains("'merge'"), problems.get(0).message());
    }

    @Test
    void shouldReportEveryFunctionWhenItsNodeNeverRegistered() {
        assertEquals(3, ImplementationCheck.missing(wordcount, onOneNode, Map.of(1, Set.of("start"))).size());
    }
}
