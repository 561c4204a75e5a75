package io.faasflow.experiments.bench;

import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.ClusterOptions;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.demo.DemoWorkflow;
import io.faasflow.experiments.demo.RunOutcome;
import io.faasflow.experiments.demo.WorkflowRunner;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One local cluster in one scheduling mode: deploys the workflows, runs each {@code warmups} times unreported
 * and then {@code runs} times, and stops the cluster.
 */
final class SchedulingSession {
    private SchedulingSession() {
    }

    /**
     * Outcomes by workflow label, in {@code workflows} order. If the cluster does not start or a deployment is
     * refused, every run not made is a failed outcome naming the cause, so the comparison still reports the
     * other mode.
     */
    static Map<String, List<RunOutcome>> run(ClusterOptions options, List<DemoWorkflow> workflows, int warmups, int runs,
            PrintStream out) throws InterruptedException {
        String mode = options.scheduling().property();
        Map<String, List<RunOutcome>> outcomes = new LinkedHashMap<>();
        out.println(mode + ": starting a " + options.nodes() + "-node cluster (logs in " + options.workDir() + ") ...");
        try (LocalCluster cluster = LocalCluster.start(options)) {
            WorkflowRunner runner = new WorkflowRunner(new IngressClient(cluster.ingressUrl(), cluster.apiToken()));
            runner.deploy(workflows);
            for (DemoWorkflow workflow : workflows) {
                runner.warmUp(workflow, warmups);
                List<RunOutcome> results = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    results.add(runner.run(workflow));
                }
                outcomes.put(workflow.label(), results);
                OverheadCell cell = OverheadCell.of(results);
                out.println(mode + ": " + workflow.label() + ": median overhead " + cell.text()
                        + (cell.complete() ? " ms" : ""));
                results.stream().filter(outcome -> !outcome.succeeded()).map(RunOutcome::failure).distinct()
                        .forEach(failure -> out.println("  " + failure));
            }
        } catch (RuntimeException e) {
            out.println(mode + ": stopped early: " + e.getMessage());
            for (DemoWorkflow workflow : workflows) {
                outcomes.computeIfAbsent(workflow.label(), label -> Collections.nCopies(runs,
                        RunOutcome.failed(workflow, mode + " session stopped early: " + e.getMessage())));
            }
        }
        return outcomes;
    }
}
