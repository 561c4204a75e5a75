package io.faasflow.topology.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.model.WorkflowGraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementPlannerTest {

    @Test
    void shouldGiveEqualPlansForEqualInputs() {
        for (String name : BenchmarkWorkflows.NAMES) {
            for (PlacementStrategy strategy : List.of(new ContiguousPlacement(), new HashPlacement())) {
                PlacementPlan first = new PlacementPlanner(strategy).plan(BenchmarkWorkflows.load(name), 3);
                PlacementPlan second = new PlacementPlanner(strategy).plan(BenchmarkWorkflows.load(name), 3);
                assertEquals(first, second, name + " with " + strategy.name());
            }
        }
    }

    @Test
    void shouldChooseDestinationFromEveryReaderOfADatum() {
        String yaml = """
                functions:
                - name: a
                  source: s
                  output: {shared: {type: normal, size: 1}, near: {type: normal, size: 1}, far: {type: normal, size: 1}}
                  next: {type: pass, nodes: [b]}
                - name: b
                  source: s
                  input: {n: {type: normal, value: {function: a, parameter: near}, size: 1}}
                  next: {type: pass, nodes: [c]}
                - name: c
                  source: s
                  input:
                    s: {type: normal, value: {function: a, parameter: shared}, size: 1}
                    f: {type: normal, value: {function: a, parameter: far}, size: 1}
                """;
        WorkflowDefinition workflow = new WorkflowLoader().parse("w", yaml, "test");
        PlacementStrategy fixed = new FixedPlacement(Map.of("a", 0, "b", 0, "c", 1));
        PlacementPlan plan = new PlacementPlanner(fixed).plan(workflow, 2);
        assertEquals(Destination.MEM, plan.destinationOf(new DataRef("a", "near")));
        assertEquals(Destination.DB, plan.destinationOf(new DataRef("a", "far")));
        assertEquals(Destination.DB, plan.destinationOf(new DataRef("a", "shared")));
    }

    @Test
    void shouldPutMixedReadersInBothStores() {
        WorkflowDefinition genome = BenchmarkWorkflows.load("genome");
        PlacementPlan plan = new PlacementPlanner(new ContiguousPlacement()).plan(genome, 3);
        WorkflowGraph graph = new WorkflowGraph(genome);
        graph.readers().forEach((ref, readers) -> {
            int producerNode = ref.producer().equals("INPUT") ? plan.entryNode() : plan.nodeOf(ref.producer());
            boolean anyRemote = readers.stream().anyMatch(r -> plan.nodeOf(r) != producerNode);
            boolean anyLocal = readers.stream().anyMatch(r -> plan.nodeOf(r) == producerNode);
            Destination destination = plan.destinationOf(ref);
            assertEquals(anyRemote, destination.remote(), ref + " readable remotely");
            assertEquals(anyLocal, destination.local(), ref + " readable locally");
        });
        assertTrue(plan.usedNodes().size() > 1);
    }
}
