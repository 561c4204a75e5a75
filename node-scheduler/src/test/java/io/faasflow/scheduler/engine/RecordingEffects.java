package io.faasflow.scheduler.engine;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.event.NodeEvent;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** {@link Effects} that only remember what was asked. */
final class RecordingEffects implements Effects {
    record Sent(int node, NodeEvent event) {
    }

    final List<String> runs = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    final List<InvocationRecord> forwarded = new ArrayList<>();
    final List<InvocationResult> results = new ArrayList<>();
    final List<String> stored = new ArrayList<>();
    final List<String> removed = new ArrayList<>();

    @Override
    public void runFunction(Deployment deployment, String invocation, String function, int attempt) {
        runs.add(function);
    }

    final List<String> switches = new ArrayList<>();

    @Override
    public void evaluateSwitch(Deployment deployment, String invocation, String function) {
        switches.add(function);
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
    public java.util.concurrent.CompletableFuture<?> publishResult(InvocationResult result) {
        results.add(result);
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    @Override
    public void storeGlobalInputs(Deployment deployment, String invocation, Map<String, byte[]> values) {
        stored.addAll(values.keySet());
    }

    @Override
    public void removeData(String invocation, Collection<String> keys) {
        removed.addAll(keys);
    }
}
