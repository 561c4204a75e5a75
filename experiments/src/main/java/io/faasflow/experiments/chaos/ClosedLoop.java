package io.faasflow.experiments.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.demo.DemoWorkflow;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Clients that each submit an invocation, wait for its end, and submit the next, over the workflows in turn,
 * until at least {@code count} were submitted and the faults are over. A client rides out an ingress that is gone
 * or answers 503 (it retries), and a 404 for an invocation the restarted ingress has not seen end yet (it keeps
 * asking); an invocation without a final status by its deadline is lost.
 */
final class ClosedLoop {
    private static final Duration SUBMIT_FOR = Duration.ofSeconds(90);
    private static final long RETRY_MILLIS = 250;

    private final IngressClient client;
    private final List<DemoWorkflow> workflows;
    private final int count;
    private final Duration deadline;
    private final BooleanSupplier faultsOver;
    private final AtomicInteger submitted = new AtomicInteger();
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

    ClosedLoop(IngressClient client, List<DemoWorkflow> workflows, int count, Duration deadline, BooleanSupplier faultsOver) {
        this.client = client;
        this.workflows = workflows;
        this.count = count;
        this.deadline = deadline;
        this.faultsOver = faultsOver;
    }

    List<Outcome> run(int clients) throws InterruptedException {
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().name("chaos-client-" + i).start(this::loop));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return List.copyOf(outcomes);
    }

    private void loop() {
        while (true) {
            int n = submitted.getAndIncrement();
            if (n >= count && faultsOver.getAsBoolean()) {
                return;
            }
            DemoWorkflow workflow = workflows.get(n % workflows.size());
            outcomes.add(invoke(workflow));
        }
    }

    private Outcome invoke(DemoWorkflow workflow) {
        long submittedAt = System.currentTimeMillis();
        String id = null;
        while (id == null && System.currentTimeMillis() - submittedAt < SUBMIT_FOR.toMillis()) {
            try {
                id = client.invoke(workflow.deployment(), workflow.input());
            } catch (IngressClient.IngressException e) {
                if (e.status() != 503) {
                    return new Outcome(null, workflow.deployment(), submittedAt, System.currentTimeMillis(),
                            "NOT_ACCEPTED", "HTTP " + e.status(), e.body());
                }
                pause();
            } catch (IllegalStateException unreachable) {
                pause();
            }
        }
        if (id == null) {
            return new Outcome(null, workflow.deployment(), submittedAt, 0, "NOT_ACCEPTED", "no ingress answered", null);
        }
        long until = System.currentTimeMillis() + deadline.toMillis();
        while (System.currentTimeMillis() < until) {
            try {
                JsonNode status = client.status(id);
                String state = status.path("status").asText();
                // NoResult is the ingress's own answer when no node has answered: still waiting for one here.
                boolean noResult = "NoResult".equals(status.path("error").path("type").asText());
                if (!state.equals("RUNNING") && !noResult) {
                    JsonNode error = status.path("error");
                    return new Outcome(id, workflow.deployment(), submittedAt, System.currentTimeMillis(), state,
                            error.path("type").asText(null), error.path("message").asText(null));
                }
            } catch (IngressClient.IngressException | IllegalStateException e) {
                // A restarted ingress knows an invocation only once its result is read: keep asking.
            }
            pause();
        }
        return new Outcome(id, workflow.deployment(), submittedAt, 0, "LOST", null, null);
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
