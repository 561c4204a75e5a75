package io.faasflow.scheduler.kafka;

import io.faasflow.scheduler.LoopInbox;
import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.engine.Effects;
import io.faasflow.scheduler.engine.FunctionRunner;
import io.faasflow.scheduler.engine.NodeEngine;
import io.faasflow.scheduler.event.EventCodec;
import io.faasflow.scheduler.event.NodeEvent;
import io.faasflow.scheduler.event.RunRequestEvent;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.placement.Destination;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.WireJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's effects on a real cluster: Kafka records, function runs, storage calls and timers. */
public final class KafkaEffects implements Effects, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaEffects.class);

    private final TopicLayout layout;
    private final Producer<String, byte[]> producer;
    private final FunctionRunner runner;
    private final StorageAdapter storage;
    private final LoopInbox inbox;
    private final SendFailures failures;
    private final Duration keepData;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("engine-timers").factory());

    public KafkaEffects(TopicLayout layout, Producer<String, byte[]> producer, FunctionRunner runner, StorageAdapter storage,
            LoopInbox inbox, SendFailures failures, Duration keepData) {
        this.keepData = keepData;
        this.failures = failures;
        this.inbox = inbox;
        this.layout = layout;
        this.producer = producer;
        this.runner = runner;
        this.storage = storage;
    }

    @Override
    public void runFunction(Deployment deployment, RunRequestEvent run, Duration timeout) {
        runner.run(deployment, run, timeout);
    }

    @Override
    public void evaluateSwitch(Deployment deployment, RunRequestEvent run) {
        runner.evaluateSwitch(deployment, run);
    }

    @Override
    public void send(int node, NodeEvent event) {
        producer.send(new ProducerRecord<>(layout.functionEvents(), layout.partitionOf(node), event.invocation(),
                EventCodec.encode(event)), failures);
    }

    @Override
    public void forwardInvocation(int node, InvocationRecord record) {
        producer.send(new ProducerRecord<>(layout.invocations(), layout.partitionOf(node), record.id(), WireJson.write(record)),
                failures);
    }

    @Override
    public CompletableFuture<?> publishResult(InvocationResult result) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(layout.results(), result.id(), WireJson.write(result)),
                failures.completing(acknowledged));
        return acknowledged;
    }

    @Override
    public void storeGlobalInputs(String invocation, Map<String, byte[]> values, Map<String, Destination> destinations) {
        // One virtual thread per key: the writes go out in parallel, off the event loop.
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        values.forEach((key, value) -> writes.add(CompletableFuture.runAsync(
                () -> storage.put(invocation, key, value, destinations.get(key)), runner::background)));
        List<String> keys = List.copyOf(values.keySet());
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).whenComplete((done, error) -> inbox.post(invocation,
                engine -> engine.onGlobalInputsStored(invocation, keys, error == null ? null : rootMessage(error))));
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @Override
    public void stopRuns(String invocation) {
        runner.stop(invocation);
    }

    @Override
    public void schedule(String invocation, Duration delay, Consumer<NodeEngine> action) {
        timer.schedule(() -> inbox.post(invocation, action), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void whenDurable(String invocation, CompletableFuture<?> durable, Runnable action) {
        // A failed write is recorded by SendFailures, which stops the node before its next commit.
        durable.whenComplete((done, error) -> {
            if (error == null) {
                inbox.post(invocation, engine -> action.run());
            }
        });
    }

    @Override
    public void removeData(String invocation, Collection<String> keys) {
        List<String> copy = List.copyOf(keys);
        if (keepData.isPositive()) {
            timer.schedule(() -> runner.background(() -> remove(invocation, copy)), keepData.toNanos(), TimeUnit.NANOSECONDS);
        } else {
            runner.background(() -> remove(invocation, copy));
        }
    }

    private void remove(String invocation, List<String> keys) {
        try {
            storage.remove(invocation, keys);
        } catch (RuntimeException e) {
            LOG.warn("cleanup of invocation {} failed (its Redis keys still expire): {}", invocation, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
