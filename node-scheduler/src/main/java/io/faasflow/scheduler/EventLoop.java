package io.faasflow.scheduler;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.engine.NodeEngine;
import io.faasflow.scheduler.event.CancelEvent;
import io.faasflow.scheduler.event.EventCodec;
import io.faasflow.scheduler.event.FinishEvent;
import io.faasflow.scheduler.event.NodeEvent;
import io.faasflow.scheduler.event.ReportEvent;
import io.faasflow.scheduler.event.RunEndedEvent;
import io.faasflow.scheduler.event.RunRequestEvent;
import io.faasflow.scheduler.event.TriggerEvent;
import io.faasflow.scheduler.intake.DeadLetters;
import io.faasflow.scheduler.intake.EventCheck;
import io.faasflow.scheduler.intake.InvalidInvocationException;
import io.faasflow.scheduler.intake.InvocationIntake;
import io.faasflow.scheduler.intake.RejectedRecordException;
import io.faasflow.scheduler.kafka.SendFailures;
import io.faasflow.scheduler.state.internal.ChangelogStateStore;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.wire.InputLimits;
import io.faasflow.topology.wire.InvocationFailure;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.InvocationStatus;
import io.faasflow.topology.wire.RecordLimits;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ApiException;
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
     * A commit blocks the loop on a producer flush and the transaction's end (a few ms here), so it runs once
     * a second; a crash replays at most that much, which the engine absorbs.
     */
    private static final long COMMIT_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
    /** How long a record naming a deployment this node has not read yet waits before it fails. */
    private static final long PARK_LIMIT_NANOS = Duration.ofSeconds(30).toNanos();
    /** Records waiting at once; beyond, a record that would wait is dead-lettered at once, so memory stays bounded. */
    private static final int MAX_PARKED = 10_000;

    private final int node;
    private final TopicLayout layout;
    private final NodeEngine engine;
    private final ChangelogStateStore store;
    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final LoopInbox inbox;
    private final SendFailures failures;
    private final DeadLetters deadLetters;
    private final EventCheck checks;
    private final InvocationIntake intake;
    private final List<Parked> parked = new ArrayList<>();
    /** The next offset to read of each partition, as far as processed; kept across commits. */
    private final Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
    /** What the last commit said per partition: a partition whose parked record cleared moves on without new records. */
    private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    private long lastCommit = System.nanoTime();
    private boolean closing;
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

    /** A record naming a deployment or invocation not read yet; its offset is not committed while it waits. */
    private record Parked(ConsumerRecord<String, byte[]> record, Object decoded, long since) {

        TopicPartition partition() {
            return new TopicPartition(record.topic(), record.partition());
        }

        long offset() {
            return record.offset();
        }
    }

    EventLoop(int node, TopicLayout layout, NodeEngine engine, ChangelogStateStore store,
            Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, LoopInbox inbox, SendFailures failures,
            DeadLetters deadLetters, InputLimits limits) {
        this.failures = failures;
        this.deadLetters = deadLetters;
        this.checks = new EventCheck(layout.nodes());
        this.intake = new InvocationIntake(limits);
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
        inbox.drainInto(engine, this::taskFailed);
        if (!parked.isEmpty()) {
            retryParked();
        }
        if (System.nanoTime() - lastExpiry > EXPIRY_INTERVAL_NANOS) {
            engine.expireInvocations();
            lastExpiry = System.nanoTime();
        }
        if (System.nanoTime() - lastFlush > FLUSH_INTERVAL_NANOS) {
            store.flush();
            lastFlush = System.nanoTime();
        }
        // Also without new records: sends caused by function ends belong to the open transaction, which must end
        // well within its time-out.
        if (System.nanoTime() - lastCommit > COMMIT_INTERVAL_NANOS) {
            commit();
        }
        lag.logEvery(Duration.ofSeconds(10), node);
    }

    /**
     * Commits the open transaction: the changelog, every event and result sent since the last commit, and the
     * offsets of the records processed, after everything they caused is acknowledged by Kafka. Opens the next.
     */
    void commit() {
        store.flush();
        producer.flush();
        failures.throwIfAny();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(toCommit);
        for (Parked entry : parked) {
            OffsetAndMetadata upTo = offsets.get(entry.partition());
            if (upTo != null && upTo.offset() > entry.offset()) {
                offsets.put(entry.partition(), new OffsetAndMetadata(entry.offset()));
            }
        }
        // The offsets go with the transaction of everything their records caused: one commit, refused as a whole
        // when a newer scheduler of this node has taken over.
        offsets.entrySet().removeIf(entry -> entry.getValue().equals(committed.get(entry.getKey())));
        if (!offsets.isEmpty()) {
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        }
        producer.commitTransaction();
        committed.putAll(offsets);
        lastCommit = System.nanoTime();
        if (!closing) {
            producer.beginTransaction();
        }
    }

    /** Commits what is done and opens no transaction after it: the scheduler stops. */
    void commitLast() {
        closing = true;
        commit();
    }

    /**
     * Checks, decodes and dispatches one record. Anything can be written to these topics, so a record that cannot
     * be handled goes to the dead letters and the loop goes on; one whose handling throws fails its invocation
     * ({@code InternalError}), not the node. Only a failure of this node's own Kafka clients stops it.
     */
    private void handle(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            deadLetters.send(record, "a tombstone: the record has no value");
        } else if (record.topic().equals(layout.invocations())) {
            handleInvocation(record);
        } else {
            handleEvent(record);
        }
    }

    private void handleInvocation(ConsumerRecord<String, byte[]> record) {
        InvocationRecord invocation;
        try {
            invocation = intake.read(record.value(), record.partition(), record.offset());
        } catch (InvalidInvocationException e) {
            deadLetters.send(record, e.getMessage());
            if (!engine.knowsInvocation(e.invocation().id())) {
                publishRejection(e.invocation(), "InvalidInvocation", e.getMessage());
            }
            return;
        } catch (RejectedRecordException e) {
            deadLetters.send(record, e.getMessage());
            return;
        }
        if (invocation.submittedAt() <= 0) {
            // Timed from when Kafka took it, as the ingress does for the same record: both say the same deadline.
            invocation = new InvocationRecord(invocation.id(), invocation.workflow(), invocation.input(),
                    Math.min(record.timestamp() > 0 ? record.timestamp() : Long.MAX_VALUE, System.currentTimeMillis()));
        }
        dispatchInvocation(record, invocation, System.nanoTime());
    }

    private void handleEvent(ConsumerRecord<String, byte[]> record) {
        NodeEvent event;
        try {
            event = EventCodec.decode(record.value());
            checks.check(event);
        } catch (IOException | RuntimeException e) {
            deadLetters.send(record, e instanceof RejectedRecordException ? e.getMessage()
                    : "not a function event: " + WireJson.describe(e));
            return;
        }
        dispatchEvent(record, event, System.nanoTime());
    }

    private void dispatchInvocation(ConsumerRecord<String, byte[]> record, InvocationRecord invocation, long since) {
        NodeEngine.Acceptance acceptance;
        try {
            acceptance = engine.onInvocation(invocation);
        } catch (RuntimeException e) {
            handlingFailed(record, invocation.id(), null, node, e);
            if (invocation.id() != null && !invocation.id().isBlank() && !engine.knowsInvocation(invocation.id())) {
                // It threw before the invocation had a state to fail: the client still gets its answer.
                publishRejection(invocation, "InternalError", RecordLimits.clip("node " + node + ": " + e));
            }
            return;
        }
        if (acceptance == NodeEngine.Acceptance.UNKNOWN_WORKFLOW) {
            // Parked either way: a deployment (also a new one after a deletion) may still be on its way to this node.
            if (System.nanoTime() - since > PARK_LIMIT_NANOS) {
                String cause = engine.isDeleted(invocation.workflow()) ? "workflow '" + invocation.workflow() + "' was deleted"
                        : "no workflow '" + invocation.workflow() + "' is deployed";
                deadLetters.send(record, cause);
                publishRejection(invocation, "UnknownWorkflow", cause);
                return;
            }
            park(new Parked(record, invocation, since));
        }
    }

    private void dispatchEvent(ConsumerRecord<String, byte[]> record, NodeEvent event, long since) {
        try {
            if (!deliver(record, event, since)) {
                park(new Parked(record, event, since));
            }
        } catch (RejectedRecordException e) {
            deadLetters.send(record, e.getMessage());
        } catch (RuntimeException e) {
            if (event instanceof FinishEvent finish) {
                deadLetters.send(record, "InternalError: " + e);
                LOG.error("node {}: finishing invocation {} failed; its state is dropped", node, finish.invocation(), e);
                engine.dropAfterError(finish.invocation());
                return;
            }
            handlingFailed(record, event.invocation(), functionOf(event), homeOf(event), e);
        }
    }

    /** Hands {@code event} to the engine; false when it must wait for its deployment or invocation to arrive. */
    private boolean deliver(ConsumerRecord<String, byte[]> record, NodeEvent event, long since) {
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
                if (engine.onReport(report)) {
                    return true;
                }
                if (System.nanoTime() - since <= PARK_LIMIT_NANOS) {
                    return false;
                }
                deadLetters.send(record, "invocation " + report.invocation() + " never became known here");
                return true;
            }
            case CancelEvent cancel -> {
                engine.onCancel(cancel);
                return true;
            }
        }
        Optional<Deployment> deployment = engine.findDeployment(workflow, version);
        if (deployment.isEmpty()) {
            if (System.nanoTime() - since <= PARK_LIMIT_NANOS) {
                return false;
            }
            deadLetters.send(record, "deployment " + workflow + " v" + version + " never arrived");
            switch (event) {
                case TriggerEvent trigger -> engine.onUndeliverable(trigger.invocation(), trigger.function(), trigger.home());
                case RunRequestEvent run -> engine.onUndeliverable(run);
                default -> { }
            }
            return true;
        }
        checks.check(event, deployment.get());
        switch (event) {
            case TriggerEvent trigger -> engine.trigger(trigger);
            case FinishEvent finish -> engine.onFinish(finish);
            case RunRequestEvent run -> engine.onRunRequest(run);
            case RunEndedEvent ended -> engine.onRunEnded(ended);
            case ReportEvent report -> engine.onReport(report);
            case CancelEvent cancel -> engine.onCancel(cancel);
        }
        return true;
    }

    /**
     * Handling a record of {@code invocation} threw: logged with its stack, the record goes to the dead letters and
     * the invocation fails. Errors of this node's own Kafka clients are not the record's fault: they stop the node.
     */
    private void handlingFailed(ConsumerRecord<String, byte[]> record, String invocation, String function, int home,
            RuntimeException error) {
        rethrowIfClientFailure(error);
        LOG.error("node {}: handling {}-{}@{} of invocation {} failed; the invocation fails", node, record.topic(),
                record.partition(), record.offset(), invocation, error);
        deadLetters.send(record, "InternalError: " + error);
        failInvocation(invocation, function, home, error);
    }

    private void failInvocation(String invocation, String function, int home, RuntimeException error) {
        try {
            engine.failAfterError(invocation, function, home, "node " + node + ": " + error);
        } catch (RuntimeException again) {
            LOG.error("node {}: could not fail invocation {} either", node, invocation, again);
        }
    }

    /** A function end or timer of {@code invocation} threw on the loop. */
    private void taskFailed(String invocation, RuntimeException error) {
        rethrowIfClientFailure(error);
        LOG.error("node {}: a task of invocation {} failed; the invocation fails", node, invocation, error);
        failInvocation(invocation, null, -1, error);
    }

    /** A failure of this node's own Kafka clients (closed, fenced) is no record's fault: it stops the node. */
    private static void rethrowIfClientFailure(RuntimeException error) {
        if (error instanceof KafkaException && !(error instanceof ApiException)) {
            throw error;
        }
    }

    private static String functionOf(NodeEvent event) {
        return switch (event) {
            case TriggerEvent trigger -> trigger.function();
            case RunRequestEvent run -> run.function();
            case RunEndedEvent ended -> ended.function();
            case ReportEvent report -> report.function();
            case FinishEvent finish -> null;
            case CancelEvent cancel -> null;
        };
    }

    private static int homeOf(NodeEvent event) {
        return event instanceof TriggerEvent trigger ? trigger.home() : -1;
    }

    private void park(Parked entry) {
        if (parked.size() >= MAX_PARKED) {
            deadLetters.send(entry.record(), MAX_PARKED + " records already wait for their deployment or invocation");
            return;
        }
        parked.add(entry);
    }

    private void retryParked() {
        List<Parked> retry = new ArrayList<>(parked);
        parked.clear();
        for (Parked entry : retry) {
            if (entry.decoded() instanceof InvocationRecord invocation) {
                dispatchInvocation(entry.record(), invocation, entry.since());
            } else {
                dispatchEvent(entry.record(), (NodeEvent) entry.decoded(), entry.since());
            }
        }
    }

    /** Answers an invocation that cannot run with a FAILED result naming why. */
    private void publishRejection(InvocationRecord invocation, String type, String message) {
        LOG.warn("node {} rejecting invocation {} of '{}': {}", node, invocation.id(), invocation.workflow(), message);
        long now = System.currentTimeMillis();
        InvocationResult result = new InvocationResult(invocation.id(), invocation.workflow(), InvocationStatus.FAILED,
                new InvocationFailure(null, type, message, 0), invocation.submittedAt(), now, now, Map.of());
        producer.send(new ProducerRecord<>(layout.results(), invocation.id(), WireJson.write(result)), failures);
    }
}
