package io.faasflow.experiments.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Deploys demo workflows (synthetic) and runs them one invocation at a time through the ingress. */
public final class WorkflowRunner {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private final IngressClient client;

    public WorkflowRunner(IngressClient client) {
        this.client = client;
    }

    /** Deploys each with {@code synthetic=true}; throws {@link IngressClient.IngressException} when one is refused. */
    public void deploy(List<DemoWorkflow> workflows) {
        for (DemoWorkflow workflow : workflows) {
            client.deploy(workflow.deployment(), workflow.yaml(), true);
        }
    }

    /** Runs {@code count} unreported invocations (the original's harness dropped its first requests too). */
    public void warmUp(DemoWorkflow workflow, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            run(workflow);
        }
    }

    /** Invokes once and waits for the end; a failure, a time-out or a wrong switch branch is a failed outcome. */
    public RunOutcome run(DemoWorkflow workflow) throws InterruptedException {
        String id;
        JsonNode status;
        try {
            id = client.invoke(workflow.deployment(), workflow.input());
        } catch (IngressClient.IngressException | IllegalStateException e) {
            return RunOutcome.failed(workflow, e.getMessage());
        }
        try {
            status = client.awaitFinished(id, TIMEOUT);
        } catch (IngressClient.IngressException | IllegalStateException e) {
            cancelQuietly(id);
            return RunOutcome.failed(workflow, e.getMessage());
        }
        String state = status.path("status").asText();
        if (!"SUCCEEDED".equals(state)) {
            return RunOutcome.failed(workflow, state + ": " + status.path("error"));
        }
        Optional<String> wrongBranch = workflow.expected().violation(status);
        if (wrongBranch.isPresent()) {
            return RunOutcome.failed(workflow, wrongBranch.get());
        }
        return RunOutcome.succeeded(workflow, InvocationReport.of(status, workflow.graph()));
    }

    /** A stuck invocation would load the cluster during the runs measured after it. */
    private void cancelQuietly(String id) {
        try {
            client.cancel(id);
        } catch (RuntimeException e) {
            // Already ended, or the ingress is gone: nothing left to stop.
        }
    }
}
