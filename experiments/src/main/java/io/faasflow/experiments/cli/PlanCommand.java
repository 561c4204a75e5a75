package io.faasflow.experiments.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.partition.GroupingPartitioner;
import io.faasflow.topology.partition.PartitionSummary;
import io.faasflow.topology.partition.PartitionerConfig;
import io.faasflow.topology.partition.RejectedMerge;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code faasflow plan FILE --nodes N [--scale-limit S] [--raw] [--json]}: the placement plan of a flat
 * workflow, as the ingress would publish it.
 */
final class PlanCommand {
    private PlanCommand() {
    }

    static void run(Path file, int nodes, int scaleLimit, boolean raw, boolean json, PrintStream out) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString().equals("flat_workflow.yaml") && parent != null
                ? parent.getFileName().toString()
                : file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        WorkflowDefinition workflow = new WorkflowLoader().load(file, name);
        PlacementPlanner planner = raw ? PlacementPlanner.raw()
                : new PlacementPlanner(new GroupingPartitioner(PartitionerConfig.DEFAULTS.withScaleLimit(scaleLimit)));
        PlacementPlan plan = planner.plan(workflow, nodes);
        if (json) {
            out.println(WireJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(plan));
            return;
        }
        out.printf("workflow %s: %d functions on %d nodes (%s)%n", plan.workflow(), plan.functionNodes().size(), nodes,
                plan.strategy());
        PartitionSummary summary = plan.partition();
        if (summary != null) {
            out.printf(Locale.ROOT, "critical path (%.2f s): %s%n", summary.criticalPathSeconds(),
                    String.join(" -> ", summary.criticalPath()));
            out.println("groups:");
            for (List<String> group : summary.groups()) {
                out.printf("  node %d: %s%n", plan.nodeOf(group.get(0)), String.join(", ", group));
            }
            out.printf(Locale.ROOT, "memory kept by merges: %d of %d bytes; capacity left per node: %s%n",
                    summary.memoryUsedBytes(), summary.memoryQuotaBytes(), summary.nodeCapacityLeft());
            for (var over : summary.overcommitted()) {
                out.printf(Locale.ROOT, "over-committed: node %d by %.1f scale units of %.1f (capacity limits merges only;"
                        + " the ingress refuses this with admission=strict)%n", over.node(), over.scaleUnitsOver(), over.capacity());
            }
            out.println("rejected merges:" + (summary.rejectedMerges().isEmpty() ? " none" : ""));
            for (RejectedMerge merge : summary.rejectedMerges()) {
                out.printf("  %s -> %s: %s (%s)%n", merge.producer(), merge.consumer(), merge.constraint(), merge.detail());
            }
        } else {
            plan.functionNodes().forEach((function, node) -> out.printf("  %s: node %d%n", function, node));
        }
        out.println("destinations:");
        plan.destinations().forEach((key, destination) -> out.printf("  %s: %s%n", key, destination));
    }
}
