package io.faasflow.topology.partition;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.model.WorkflowGraph;
import io.faasflow.topology.placement.ContiguousPlacement;
import io.faasflow.topology.placement.Destination;
import io.faasflow.topology.placement.HashPlacement;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.placement.PlacementStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Over random DAGs and placements: every reader of a datum can reach it. A reader on another node than the
 * producer finds it in the shared store; a reader on the producer's node finds it in memory.
 */
class ReachabilityPropertyTest {

    @Test
    void shouldLetEveryReaderReachEveryDatumItReads() {
        Random random = new Random(20221);
        for (int round = 0; round < 300; round++) {
            WorkflowDefinition workflow = randomDag(random, 2 + random.nextInt(40));
            int nodes = 1 + random.nextInt(7);
            List<PlacementStrategy> strategies = List.of(new GroupingPartitioner(PartitionerConfig.DEFAULTS),
                    new ContiguousPlacement(), new HashPlacement());
            for (PlacementStrategy strategy : strategies) {
                PlacementPlan plan = new PlacementPlanner(strategy).plan(workflow, nodes);
                check(workflow, plan);
            }
            check(workflow, PlacementPlanner.raw().plan(workflow, nodes));
        }
    }

    private static void check(WorkflowDefinition workflow, PlacementPlan plan) {
        new WorkflowGraph(workflow).readers().forEach((ref, readers) -> {
            int producerNode = ref.producer().equals("INPUT") ? plan.entryNode() : plan.nodeOf(ref.producer());
            Destination destination = plan.destinationOf(ref);
            for (String reader : readers) {
                boolean reachable = plan.nodeOf(reader) == producerNode ? destination.local() || destination.remote()
                        : destination.remote();
                assertTrue(reachable, ref + " read by " + reader + " on node " + plan.nodeOf(reader) + ", produced on "
                        + producerNode + ", stored " + destination + " (" + plan.strategy() + ")");
                if (plan.nodeOf(reader) != producerNode) {
                    assertTrue(destination.remote(), "a remote reader needs DB");
                }
            }
        });
    }

    /** A random DAG: each function reads from up to 3 earlier ones (its predecessors), sizes up to 50 MB. */
    static WorkflowDefinition randomDag(Random random, int size) {
        List<List<Integer>> parents = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<Integer> chosen = new ArrayList<>();
            for (int k = 0; k < (i == 0 ? 0 : random.nextInt(4)); k++) {
                int parent = random.nextInt(i);
                if (!chosen.contains(parent)) {
                    chosen.add(parent);
                }
            }
            parents.add(chosen);
        }
        StringBuilder yaml = new StringBuilder("functions:\n");
        for (int i = 0; i < size; i++) {
            yaml.append("- name: f").append(i).append("\n  source: s\n  runtime: ").append(random.nextInt(5))
                    .append("\n  scale: ").append(random.nextInt(4)).append("\n  mem_usage: 0.25\n");
            yaml.append("  output: {out: {type: normal, size: ").append(random.nextInt(50_000_000)).append("}}\n");
            if (!parents.get(i).isEmpty()) {
                yaml.append("  input:\n");
                for (int parent : parents.get(i)) {
                    yaml.append("    in").append(parent).append(": {type: normal, value: {function: f").append(parent)
                            .append(", parameter: out}, size: 1}\n");
                }
            }
            List<String> children = new ArrayList<>();
            for (int j = i + 1; j < size; j++) {
                if (parents.get(j).contains(i)) {
                    children.add("f" + j);
                }
            }
            if (!children.isEmpty()) {
                yaml.append("  next: {type: parallel, nodes: ").append(children).append("}\n");
            }
        }
        return new WorkflowLoader().parse("random", yaml.toString(), "random DAG");
    }
}
