package io.faasflow.experiments.demo;

import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deploys the demo workflows (all 8 benchmarks, synthetic functions, scaled runtimes; see {@link DemoWorkflows}),
 * runs each once after {@code warmups} unreported runs and prints a table of what ran and was skipped, and of
 * e2e latency against the critical path of measured function times.
 */
public final class Demo {
    private Demo() {
    }

    /** Returns the number of invocations that did not succeed. */
    public static int run(LocalCluster cluster, List<DemoWorkflow> workflows, int warmups, PrintStream out)
            throws InterruptedException {
        WorkflowRunner runner = new WorkflowRunner(new IngressClient(cluster.ingressUrl(), cluster.apiToken()));
        runner.deploy(workflows);
        List<RunOutcome> succeeded = new ArrayList<>();
        int failed = 0;
        for (DemoWorkflow workflow : workflows) {
            runner.warmUp(workflow, warmups);
            RunOutcome outcome = runner.run(workflow);
            if (!outcome.succeeded()) {
                out.println(workflow.label() + " failed: " + outcome.failure());
                failed++;
                continue;
            }
            succeeded.add(outcome);
        }
        out.println();
        out.printf(Locale.ROOT, "%-28s %9s %4s %8s %10s %12s %18s %14s%n", "workflow", "functions", "ran", "skipped",
                "nodes used", "e2e (ms)", "critical path (ms)", "overhead (ms)");
        for (RunOutcome outcome : succeeded) {
            InvocationReport report = outcome.report();
            out.printf(Locale.ROOT, "%-28s %9d %4d %8d %10d %12.1f %18.1f %14.1f%n", outcome.workflow().label(),
                    report.functions(), report.ran(), report.skipped(), report.nodesUsed(), report.e2eMillis(),
                    report.criticalPathMillis(), report.overheadMillis());
        }
        return failed;
    }
}
