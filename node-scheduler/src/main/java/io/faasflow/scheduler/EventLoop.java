package io.faasflow.scheduler;

import io.faasflow.scheduler.engine.NodeEngine;
import io.faasflow.scheduler.event.CancelEvent;
import io.faasflow.scheduler.event.EventCodec;
import io.faasflow.scheduler.event.FinishEvent;
import io.faasflow.scheduler.event.NodeEvent;
import io.faasflow.scheduler.event.ReportEvent;
import io.faasflow.scheduler.event.RunEndedEvent;
import io.faasflow.scheduler.event.RunRequestEvent;
import io.faasflow.scheduler.event.TriggerEvent;
import io.faasflow.scheduler.kafka.SendFailures;
import io.faasflow.scheduler.state.internal.ChangelogStateStore;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.wire.InvocationFailure;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.InvocationStatus;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of a node's event loop: poll the node's partitions, hand each record to the engine, take in
 * function ends, write changed state to the changelog, and now and then commit offsets once everything
 * the processed records caused has been acknowledged. Records are processed at least once; the engine
 * makes the repeats harmless.
 */
final class EventLoop {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /**
     * A commit blocks the loop on a producer flush and a coordinator round trip (2-5 ms here), so it runs once
     * a second; a crash replays at most that much, which the engine absorbs.
     */
    private static final long COMMIT_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
    /** How long a record naming a deployment this node has not read yet waits before it fails. */
    private static final long PARK_LIMIT_NANOS = Duration.ofSeconds(30).toNanos();

    private final int node;
    private final TopicLayout layout;
    private final NodeEngine engine;
    private final ChangelogStateStore store;
    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final LoopInbox inbox;
    private final SendFailures failures;
    private final List<Parked> parked = new ArrayList<>();
    private final Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
    private long lastCommit = System.nanoTime();
    /**
     * State changes are written to the changelog at most this often, not on every pass: a pass per event would
     * serialise a whole invocation's state per function end. Offsets are committed only after a flush, so a
     * restart restores a state at least as new as its committed input, and re-processes the rest (every handler
     * tolerates redelivery); a crash re-runs at most the functions of the last interval.
     */
    private static final long FLUSH_INTERVAL_NANOS = Duration.ofMillis(50).toNanos();
    private long lastFlush = System.nanoTime();
    private static final long EXPIRY_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
    private long lastExpiry = System.nanoTime();
    private final DeliveryLag lag = new DeliveryLag();

    /** A record naming a deployment not read yet; its offset is not committed while it waits. */
    private record Parked(Object record, long since, TopicPartition partition, long offset) {
    }

    EventLoop(int node, TopicLayout layout, NodeEngine engine, ChangelogStateStore store,
            Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, LoopInbox inbox, SendFailures failures) {
        this.failures = failures;
        this.node = node;
        this.layout = layout;
        this.engine = engine;
        this.store = store;
        this.consumer = consumer;
        this.producer = producer;
        this.inbox = inbox;
    }

    void runOnce() {
        ConsumerRecords<String, byte[]> records;
        try {
            records = inbox.mayWait() ? consumer.poll(POLL) : consumer.poll(Duration.ZERO);
        } catch (WakeupException e) {
            records = ConsumerRecords.empty();
        } finally {
            inbox.awake();
        }
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> record : records) {
            lag.record(now - record.timestamp());
            handle(record);
            toCommit.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        inbox.drainInto(engine);
        if (!parked.isEmpty()) {
            retryParked();
        }
        if (System.nanoTime() - lastExpiry > EXPIRY_INTERVAL_NANOS) {
            engine.expireInvocations();
            lastExpiry = System.nanoTime();
        }
        if (System.nanoTime() - lastFlush > FLUSH_INTERVAL_NANOS) {
            store.flush(producer);
            lastFlush = System.nanoTime();
        }
        if (!toCommit.isEmpty() && System.nanoTime() - lastCommit > COMMIT_INTERVAL_NANOS) {
            commit();
        }
        lag.logEvery(Duration.ofSeconds(10), node);
    }

    /** Commits offsets of processed records after everything they caused is acknowledged by Kafka. */
    void commit() {
        store.flush(producer);
        producer.flush();
        failures.throwIfAny();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(toCommit);
        for (Parked entry : parked) {
            OffsetAndMetadata upTo = offsets.get(entry.partition());
            if (upTo != null && upTo.offset() > entry.offset()) {
                offsets.put(entry.partition(), new OffsetAndMetadata(entry.offset()));
            }
        }
        try {
            consumer.commitSync(offsets);
            toCommit.clear();
            lastCommit = System.nanoTime();
        } catch (WakeupException e) {
            // A function ended during the commit; the offsets are committed on the next pass.
        }
    }

    /**
     * Decodes and dispatches one record. An unreadable record is logged and skipped; an error of the engine or
     * of Kafka propagates and stops the node before this pass's state is flushed, so the record is processed
     * again after the restart instead of being half applied.
     */
    private void handle(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.topic().equals(layout.invocations())) {
            InvocationRecord invocation;
            try {
                invocation = WireJson.read(record.value(), InvocationRecord.class);
            } catch (IOException | RuntimeException e) {
                LOG.error("dropping unreadable invocation record at {}@{}: {}", partition, record.offset(), e.getMessage());
                return;
            }
            if (invocation.workflow() == null) {
                LOG.error("dropping invocation record at {}@{}: it names no workflow", partition, record.offset());
                return;
            }
            // A record without an id is named after its place in Kafka, so a redelivery gets the same name.
            if (invocation.id() == null || invocation.id().isBlank()) {
                invocation = invocation.withId("kafka-" + record.partition() + "-" + record.offset());
            }
            dispatchInvocation(invocation, System.nanoTime(), partition, record.offset());
        } else {
            NodeEvent event;
            try {
                event = EventCodec.decode(record.value());
            } catch (IOException e) {
                LOG.error("dropping unreadable event at {}@{}: {}", partition, record.offset(), e.getMessage());
                return;
            }
            dispatchEvent(event, System.nanoTime(), partition, record.offset());
        }
    }

    private void dispatchInvocation(InvocationRecord invocation, long since, TopicPartition partition, long offset) {
        if (engine.onInvocation(invocation) == NodeEngine.Acceptance.UNKNOWN_WORKFLOW) {
            if (System.nanoTime() - since > PARK_LIMIT_NANOS) {
                rejectUnknown(invocation);
                return;
            }
            parked.add(new Parked(invocation, since, partition, offset));
        }
    }

    private void dispatchEvent(NodeEvent event, long since, TopicPartition partition, long offset) {
        String workflow;
        long version;
        switch (event) {
            case TriggerEvent trigger -> {
                workflow = trigger.workflow();
                version = trigger.version();
            }
            case FinishEvent finish -> {
                workflow = finish.workflow();
                version = finish.version();
            }
            case RunRequestEvent run -> {
                workflow = run.workflow();
                version = run.version();
            }
            case RunEndedEvent ended -> {
                workflow = ended.workflow();
                version = ended.version();
            }
            case ReportEvent report -> {
                if (!engine.onReport(report)) {
                    if (System.nanoTime() - since <= PARK_LIMIT_NANOS) {
                        parked.add(new Parked(event, since, partition, offset));
                    } else {
                        LOG.warn("node {}: dropping the report of {} for invocation {}, which never became known here",
                                node, report.function(), report.invocation());
                    }
                }
                return;
            }
            case CancelEvent cancel -> {
                engine.onCancel(cancel);
                return;
            }
        }
        if (!engine.knows(workflow, version)) {
            if (System.nanoTime() - since <= PARK_LIMIT_NANOS) {
                parked.add(new Parked(event, since, partition, offset));
                return;
            }
            LOG.error("node {}: deployment {} v{} never arrived; dropping {} of invocation {}", node, workflow, version,
                    event.getClass().getSimpleName(), event.invocation());
            switch (event) {
                case TriggerEvent trigger -> engine.onUndeliverable(trigger.invocation(), trigger.function(), trigger.home());
                case RunRequestEvent run -> engine.onUndeliverable(run);
                default -> { }
            }
            return;
        }
        switch (event) {
            case TriggerEvent trigger -> engine.trigger(trigger);
            case FinishEvent finish -> engine.onFinish(finish);
            case RunRequestEvent run -> engine.onRunRequest(run);
            case RunEndedEvent ended -> engine.onRunEnded(ended);
            case ReportEvent report -> engine.onReport(report);
            case CancelEvent cancel -> engine.onCancel(cancel);
        }
    }

    private void retryParked() {
        List<Parked> retry = new ArrayList<>(parked);
        parked.clear();
        for (Iterator<Parked> it = retry.iterator(); it.hasNext(); ) {
            Parked entry = it.next();
            if (entry.record() instanceof InvocationRecord invocation) {
                dispatchInvocation(invocation, entry.since(), entry.partition(), entry.offset());
            } else {
                dispatchEvent((NodeEvent) entry.record(), entry.since(), entry.partition(), entry.offset());
            }
        }
    }

    private void rejectUnknown(InvocationRecord invocation) {
        String id = invocation.id() != null ? invocation.id() : "unidentified-" + System.nanoTime();
        LOG.warn("node {} rejecting invocation {}: workflow '{}' is not deployed", node, id, invocation.workflow());
        InvocationResult result = new InvocationResult(id, invocation.workflow(), InvocationStatus.FAILED,
                new InvocationFailure(null, "UnknownWorkflow", "no workflow '" + invocation.workflow() + "' is deployed", 0),
                invocation.submittedAt(), System.currentTimeMillis(), System.currentTimeMillis(), Map.of());
        producer.send(new ProducerRecord<>(layout.results(), id, WireJson.write(result)), failures);
    }
}
