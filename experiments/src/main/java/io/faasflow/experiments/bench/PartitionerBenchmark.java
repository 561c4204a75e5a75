package io.faasflow.experiments.bench;

import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.load.LayeredDagYaml;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.partition.GroupingPartitioner;
import io.faasflow.topology.partition.PartitionerConfig;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to partition a workflow with FaaSFlow's grouping (graph, critical paths, merges and storage
 * destinations) with scale_limit 200 on the paper's 7 nodes (more where the DAG's scale units need them), as
 * its scalability experiment did: the original's genome DAGs of 10-200 functions, and generated layered DAGs
 * of 1,000 and 5,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PartitionerBenchmark {
    @Param({"wdl-10", "wdl-25", "wdl-50", "wdl-100", "wdl-200", "layered-1000", "layered-5000"})
    public String dag;

    private WorkflowDefinition workflow;
    private PlacementPlanner planner;
    private int nodes;

    @Setup
    public void load() {
        String[] parts = dag.split("-");
        int size = Integer.parseInt(parts[1]);
        String yaml = parts[0].equals("wdl") ? BenchmarkWorkflows.scalabilityYaml(size) : LayeredDagYaml.generate(size, 10);
        workflow = new WorkflowLoader().parse(dag, yaml, dag);
        PartitionerConfig config = PartitionerConfig.DEFAULTS.withScaleLimit(200);
        planner = new PlacementPlanner(new GroupingPartitioner(config));
        // The paper's 7 nodes, or as many as the DAG's scale units need (5,000 functions need 32 nodes of 160).
        int scale = workflow.functions().stream().mapToInt(f -> f.scale()).sum();
        nodes = Math.max(7, (int) Math.ceil(scale / config.nodeCapacity()) + 1);
    }

    @Benchmark
    public PlacementPlan partition() {
        return planner.plan(workflow, nodes);
    }
}
