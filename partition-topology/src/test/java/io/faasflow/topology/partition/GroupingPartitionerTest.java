package io.faasflow.topology.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.model.WorkflowGraph;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.wire.WireJson;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The grouping partitioner on the 8 benchmark workflows, 7 nodes x scale_limit 120 (the paper's cluster). */
class GroupingPartitionerTest {
    private static final int NODES = 7;

    static List<String> benchmarks() {
        return BenchmarkWorkflows.NAMES;
    }

    static PlacementPlan plan(String name) {
        return new PlacementPlanner(new GroupingPartitioner(PartitionerConfig.DEFAULTS)).plan(BenchmarkWorkflows.load(name), NODES);
    }

    @Test
    void shouldPutWordcountAndFileprocessingInOneGroup() {
        assertEquals(1, plan("wordcount").partition().groups().size(), plan("wordcount").partition().toString());
        assertEquals(1, plan("fileprocessing").partition().groups().size());
        assertEquals(1, plan("fileprocessing").usedNodes().size());
    }

    @Test
    void shouldNeverMergeGenomesTwoComponents() {
        WorkflowDefinition genome = BenchmarkWorkflows.load("genome");
        Map<String, Integer> component = components(new WorkflowGraph(genome));
        assertEquals(2, new HashSet<>(component.values()).size(), "genome has two components");
        for (List<String> group : plan("genome").partition().groups()) {
            assertEquals(1, group.stream().map(component::get).distinct().count(), "group spans components: " + group);
        }
    }

    @ParameterizedTest
    @MethodSource("benchmarks")
    void shouldKeepEveryNodeWithinCapacity(String name) {
        PlacementPlan plan = plan(name);
        WorkflowDefinition workflow = BenchmarkWorkflows.load(name);
        double[] used = new double[NODES];
        for (FunctionSpec function : workflow.functions()) {
            used[plan.nodeOf(function.name())] += function.scale();
        }
        for (int node = 0; node < NODES; node++) {
            assertTrue(used[node] <= PartitionerConfig.DEFAULTS.nodeCapacity(), name + " node " + node + " holds " + used[node]);
            assertTrue(plan.partition().nodeCapacityLeft().get(node) >= 0);
        }
        System.out.printf("%-18s groups %s, nodes %s, critical path %.2f s over %d functions, %d rejected merges%n", name,
                plan.partition().groups().stream().map(List::size).toList(), plan.usedNodes(),
                plan.partition().criticalPathSeconds(), plan.partition().criticalPath().size(),
                plan.partition().rejectedMerges().size());
    }

    @ParameterizedTest
    @MethodSource("benchmarks")
    void shouldGiveTheSameBytesEveryRun(String name) {
        assertEquals(new String(WireJson.write(plan(name))), new String(WireJson.write(plan(name))));
    }

    @Test
    void shouldMergeAChainOfZeroRuntimesAndSizes() {
        // Every path is 0 s long: the critical path is the one with the most functions, not the first start.
        StringBuilder yaml = new StringBuilder("functions:\n");
        for (int i = 0; i < 10; i++) {
            yaml.append("- name: f").append(i).append("\n  source: noop\n  runtime: 0\n");
            if (i + 1 < 10) {
                yaml.append("  next: {type: pass, nodes: [f").append(i + 1).append("]}\n");
            }
        }
        PlacementPlan plan = new PlacementPlanner(new GroupingPartitioner(PartitionerConfig.DEFAULTS))
                .plan(new WorkflowLoader().parse("noop-chain", yaml.toString(), "test"), 7);
        assertEquals(1, plan.partition().groups().size(), plan.partition().toString());
    }

    @Test
    void shouldNameTheCapacityConstraintWhenItStopsAMerge() {
        PartitionerConfig tight = PartitionerConfig.DEFAULTS.withScaleLimit(5);
        PlacementPlan plan = new PlacementPlanner(new GroupingPartitioner(tight)).plan(chain(3, 3, 1000), 3);
        assertTrue(plan.partition().rejectedMerges().stream().anyMatch(r -> r.constraint().equals(RejectedMerge.CAPACITY)),
                plan.partition().rejectedMerges().toString());
        assertEquals(3, plan.partition().groups().size());
    }

    @Test
    void shouldNameTheGroupSizeConstraintWhenItStopsAMerge() {
        PartitionerConfig small = PartitionerConfig.DEFAULTS.withGroupLimit(2);
        PlacementPlan plan = new PlacementPlanner(new GroupingPartitioner(small)).plan(chain(4, 1, 1000), 3);
        assertTrue(plan.partition().rejectedMerges().stream().anyMatch(r -> r.constraint().equals(RejectedMerge.GROUP_SIZE)),
                plan.partition().rejectedMerges().toString());
        assertTrue(plan.partition().groups().stream().allMatch(g -> g.size() <= 2));
    }

    @Test
    void shouldNameTheMemoryConstraintWhenItStopsAMerge() {
        // Two functions of mem_usage 0.25 give a quota of 2 x 0.55 x 256 MiB; 1 GiB of output exceeds it.
        PlacementPlan plan = new PlacementPlanner(new GroupingPartitioner(PartitionerConfig.DEFAULTS))
                .plan(chain(2, 1, 1L << 30), 3);
        assertEquals(RejectedMerge.MEMORY, plan.partition().rejectedMerges().get(0).constraint());
        assertTrue(plan.partition().rejectedMerges().get(0).detail().contains("quota"));
        assertEquals(2, plan.partition().groups().size());
    }

    @Test
    void shouldChargeEveryEdgeThatAMergeKeepsInMemory() {
        // a -> b -> c plus a -> c: once all three share a group, all three data live in memory.
        String yaml = """
                functions:
                - name: a
                  source: s
                  runtime: 1
                  scale: 1
                  mem_usage: 0.25
                  output: {toB: {type: normal, size: 1000000}, toC: {type: normal, size: 3000}}
                  next: {type: parallel, nodes: [b, c]}
                - name: b
                  source: s
                  runtime: 1
                  scale: 1
                  mem_usage: 0.25
                  input: {x: {type: normal, value: {function: a, parameter: toB}, size: 1000000}}
                  output: {out: {type: normal, size: 20000}}
                  next: {type: pass, nodes: [c]}
                - name: c
                  source: s
                  runtime: 1
                  scale: 1
                  mem_usage: 0.25
                  input:
                    y: {type: normal, value: {function: b, parameter: out}, size: 20000}
                    z: {type: normal, value: {function: a, parameter: toC}, size: 3000}
                """;
        PlacementPlan plan = new PlacementPlanner(new GroupingPartitioner(PartitionerConfig.DEFAULTS))
                .plan(new WorkflowLoader().parse("w", yaml, "test"), 3);
        assertEquals(1, plan.partition().groups().size());
        assertEquals(1_000_000 + 20_000 + 3_000, plan.partition().memoryUsedBytes());
    }

    @Test
    void shouldRefuseAWorkflowThatDoesNotFitWhenAdmissionIsStrict() {
        PartitionerConfig tiny = PartitionerConfig.DEFAULTS.withScaleLimit(2);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new PlacementPlanner(new GroupingPartitioner(tiny, null, Admission.STRICT)).plan(chain(2, 3, 10), 1));
        assertTrue(error.getMessage().contains("does not fit"), error.getMessage());
    }

    @Test
    void shouldPlaceAWorkflowThatDoesNotFitAndNameEachOvercommittedNode() {
        // 8 units per node (0.8 x 10); six functions of 5 units: three fit, one per node, and three do not.
        PartitionerConfig small = PartitionerConfig.DEFAULTS.withScaleLimit(10);
        PlacementPlan plan = new PlacementPlanner(new GroupingPartitioner(small)).plan(chain(6, 5, 10), 3);
        assertEquals(6, plan.functionNodes().size());
        assertEquals(List.of(2L, 2L, 2L), java.util.stream.IntStream.range(0, 3)
                .mapToObj(node -> plan.functionNodes().values().stream().filter(n -> n == node).count()).toList(),
                "the functions that find no room go where most is left: " + plan.functionNodes());
        assertEquals(List.of(new NodeOvercommitment(0, 2, 8), new NodeOvercommitment(1, 2, 8), new NodeOvercommitment(2, 2, 8)),
                plan.partition().overcommitted());
        assertEquals(List.of(-2.0, -2.0, -2.0), plan.partition().nodeCapacityLeft());
        assertTrue(plan.partition().rejectedMerges().stream().allMatch(r -> r.constraint().equals(RejectedMerge.CAPACITY)),
                "capacity still limits merges: " + plan.partition().rejectedMerges());
    }

    @Test
    void shouldOvercommitOnTopOfWhatOtherDeploymentsUse() {
        PartitionerConfig small = PartitionerConfig.DEFAULTS.withScaleLimit(10);
        ClusterCapacity shared = ClusterCapacity.empty(2, small);
        PlacementPlanner planner = new PlacementPlanner(new GroupingPartitioner(small, shared));
        assertTrue(planner.plan(chain(2, 8, 10), 2).partition().overcommitted().isEmpty(), "two of 8 fill two nodes");
        PlacementPlan second = planner.plan(chain(1, 3, 10), 2);
        assertEquals(List.of(new NodeOvercommitment(0, 3, 8)), second.partition().overcommitted());
        assertEquals(-3.0, shared.remaining()[0], 1e-9);
    }

    @Test
    void shouldShareCapacityBetweenCoDeployedWorkflowsInOrder() {
        ClusterCapacity shared = ClusterCapacity.empty(NODES, PartitionerConfig.DEFAULTS);
        PlacementPlanner planner = new PlacementPlanner(new GroupingPartitioner(PartitionerConfig.DEFAULTS, shared));
        double total = 0;
        for (String name : BenchmarkWorkflows.NAMES) {
            planner.plan(BenchmarkWorkflows.load(name), NODES);
            total += BenchmarkWorkflows.load(name).functions().stream().mapToInt(FunctionSpec::scale).sum();
        }
        double left = java.util.Arrays.stream(shared.remaining()).sum();
        assertEquals(NODES * PartitionerConfig.DEFAULTS.nodeCapacity() - total, left, 1e-9);
        assertTrue(java.util.Arrays.stream(shared.remaining()).allMatch(c -> c >= 0));
    }

    @Test
    void shouldWeighAnEdgeByTheDataItCarries() {
        // a sends 100 MB to c but nothing to b: a-c is merged first although both edges leave a.
        String yaml = """
                functions:
                - name: a
                  source: s
                  runtime: 1
                  scale: 1
                  output: {big: {type: normal, size: 100000000}, small: {type: normal, size: 1}}
                  next: {type: parallel, nodes: [b, c]}
                - name: b
                  source: s
                  runtime: 1
                  scale: 1
                - name: c
                  source: s
                  runtime: 1
                  scale: 1
                  input: {x: {type: normal, value: {function: a, parameter: big}, size: 100000000}}
                """;
        PartitionerConfig oneMerge = PartitionerConfig.DEFAULTS.withGroupLimit(2);
        PlacementPlan plan = new PlacementPlanner(new GroupingPartitioner(oneMerge))
                .plan(new WorkflowLoader().parse("w", yaml, "test"), 3);
        assertTrue(plan.partition().groups().contains(List.of("a", "c")), plan.partition().groups().toString());
        assertFalse(plan.partition().groups().contains(List.of("a", "b")));
    }

    static WorkflowDefinition chain(int length, int scale, long bytes) {
        StringBuilder yaml = new StringBuilder("functions:\n");
        for (int i = 0; i < length; i++) {
            yaml.append("- name: f").append(i).append("\n  source: s\n  runtime: 1\n  scale: ").append(scale)
                    .append("\n  mem_usage: 0.25\n  output: {out: {type: normal, size: ").append(bytes).append("}}\n");
            if (i > 0) {
                yaml.append("  input: {x: {type: normal, value: {function: f").append(i - 1)
                        .append(", parameter: out}, size: ").append(bytes).append("}}\n");
            }
            if (i + 1 < length) {
                yaml.append("  next: {type: pass, nodes: [f").append(i + 1).append("]}\n");
            }
        }
        return new WorkflowLoader().parse("chain", yaml.toString(), "test");
    }

    private static Map<String, Integer> components(WorkflowGraph graph) {
        Map<String, Set<String>> neighbours = new HashMap<>();
        for (FunctionSpec function : graph.definition().functions()) {
            neighbours.computeIfAbsent(function.name(), f -> new HashSet<>()).addAll(function.successors());
            for (String successor : function.successors()) {
                neighbours.computeIfAbsent(successor, f -> new HashSet<>()).add(function.name());
            }
        }
        Map<String, Integer> component = new HashMap<>();
        int next = 0;
        for (FunctionSpec function : graph.definition().functions()) {
            if (component.containsKey(function.name())) {
                continue;
            }
            Deque<String> queue = new ArrayDeque<>(List.of(function.name()));
            while (!queue.isEmpty()) {
                String at = queue.poll();
                if (component.putIfAbsent(at, next) == null) {
                    queue.addAll(neighbours.get(at));
                }
            }
            next++;
        }
        return component;
    }
}
