package io.faasflow.scheduler.engine;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.event.NodeEvent;
import io.faasflow.scheduler.event.RunRequestEvent;
import io.faasflow.topology.placement.Destination;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@link Effects} that only remember what was asked. */
final class RecordingEffects implements Effects {
    record Sent(int node, NodeEvent event) {
    }

    record Scheduled(Duration delay, Consumer<NodeEngine> action) {
    }

    /** Names of the functions started, one entry per try (and per element of a foreach). */
    final List<String> runs = new ArrayList<>();
    final List<RunRequestEvent> requests = new ArrayList<>();
    final List<Duration> timeouts = new ArrayList<>();
    final List<String> switches = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    final List<InvocationRecord> forwarded = new ArrayList<>();
    final List<InvocationResult> results = new ArrayList<>();
    final List<String> stored = new ArrayList<>();
    final Map<String, Destination> destinations = new java.util.TreeMap<>();
    final List<String> removed = new ArrayList<>();
    /** The invocations whose data was removed, once per removal. */
    final List<String> removedFrom = new ArrayList<>();
    final List<String> stopped = new ArrayList<>();
    final List<Scheduled> scheduled = new ArrayList<>();

    @Override
    public void runFunction(Deployment deployment, RunRequestEvent run, Duration timeout) {
        runs.add(run.function());
        requests.add(run);
        timeouts.add(timeout);
    }

    @Override
    public void evaluateSwitch(Deployment deployment, RunRequestEvent run) {
        switches.add(run.function());
        requests.add(run);
    }

    @Override
    public void send(int node, NodeEvent event) {
        sent.add(new Sent(node, event));
    }

    @Override
    public void forwardInvocation(int node, InvocationRecord record) {
        forwarded.add(record);
    }

    @Override
    public CompletableFuture<?> publishResult(InvocationResult result) {
        results.add(result);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void storeGlobalInputs(String invocation, Map<String, byte[]> values, Map<String, Destination> destinations) {
        stored.addAll(values.keySet());
        this.destinations.putAll(destinations);
    }

    @Override
    public void removeData(String invocation, Collection<String> keys) {
        removed.addAll(keys);
        removedFrom.add(invocation);
    }

    @Override
    public void stopRuns(String invocation) {
        stopped.add(invocation);
    }

    @Override
    public void schedule(String invocation, Duration delay, Consumer<NodeEngine> action) {
        scheduled.add(new Scheduled(delay, action));
    }

    @Override
    public void whenDurable(String invocation, CompletableFuture<?> durable, Runnable action) {
        if (durable.isDone() && !durable.isCompletedExceptionally()) {
            action.run();
        } else {
            durable.thenRun(action);
        }
    }

    /** The latest run request for a function. */
    RunRequestEvent request(String function) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).function().equals(function)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no run of " + function + " was requested; requests: " + requests);
    }

    /** Runs the timers scheduled so far, as if their delays passed. */
    void fireTimers(NodeEngine engine) {
        List<Scheduled> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(timer -> timer.action().accept(engine));
    }
}
