package io.faasflow.scheduler.state.internal;

import io.faasflow.scheduler.state.InvocationState;
import io.faasflow.scheduler.kafka.SendFailures;
import io.faasflow.scheduler.state.StateStore;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invocation state in memory, backed by one partition of a compacted changelog topic keyed by invocation
 * id: the node's partition. Dirty states are written once per flush, not once per event. A restarted node
 * reads its partition to the end and continues from there.
 */
public final class ChangelogStateStore implements StateStore {
    private static final Logger LOG = LoggerFactory.getLogger(ChangelogStateStore.class);
    private static final int FINISHED_REMEMBERED = 200_000;
    /** Markers older than this are dropped at restore: no event for such an invocation is still in flight. */
    private static final Duration FINISHED_MARKER_TTL = Duration.ofHours(1);

    private final TopicPartition partition;
    private final Map<String, InvocationState> live = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    /** Ends whose marker waits for their result's acknowledgement. */
    private final List<PendingEnd> pendingEnds = new java.util.ArrayList<>();
    /** Markers past their lifetime, to be removed from the changelog by tombstones. */
    private final List<String> expired = new java.util.ArrayList<>();
    private final SendFailures failures;

    private record PendingEnd(String invocation, CompletableFuture<?> durable) {
    }
    private final Map<String, Long> finished = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > FINISHED_REMEMBERED;
        }
    };

    private final List<InvocationState> endingStates = new ArrayList<>();

    private final Producer<String, byte[]> producer;

    /** @param producer writes the changelog: at every flush, and at once for {@link #persistNow} */
    public ChangelogStateStore(TopicPartition partition, SendFailures failures, Producer<String, byte[]> producer) {
        this.partition = partition;
        this.failures = failures;
        this.producer = producer;
    }

    @Override
    public CompletableFuture<?> persistNow(InvocationState state) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        dirty.remove(state.id);
        producer.send(record(state.id, new StateRecord(state, null)), failures.completing(durable));
        return durable;
    }

    @Override
    public Optional<InvocationState> get(String invocation) {
        return Optional.ofNullable(live.get(invocation));
    }

    @Override
    public void put(InvocationState state) {
        live.put(state.id, state);
        dirty.add(state.id);
    }

    @Override
    public void markDirty(InvocationState state) {
        dirty.add(state.id);
    }

    @Override
    public boolean isFinished(String invocation) {
        return finished.containsKey(invocation);
    }

    @Override
    public void finish(String invocation, CompletableFuture<?> durable) {
        InvocationState last = live.remove(invocation);
        dirty.remove(invocation);
        if (last != null && !durable.isDone()) {
            // Until the result is acknowledged, the state that decided it must be what a restart restores.
            endingStates.add(last);
        }
        finished.put(invocation, System.currentTimeMillis());
        pendingEnds.add(new PendingEnd(invocation, durable));
    }

    @Override
    public Collection<InvocationState> all() {
        return List.copyOf(live.values());
    }

    /** Writes every change since the last flush to the changelog (asynchronously; the producer orders them). */
    public void flush() {
        for (String id : dirty) {
            InvocationState state = live.get(id);
            if (state != null) {
                send(id, new StateRecord(state, null));
            }
        }
        dirty.clear();
        for (InvocationState ending : endingStates) {
            send(ending.id, new StateRecord(ending, null));
        }
        endingStates.clear();
        for (Iterator<PendingEnd> it = pendingEnds.iterator(); it.hasNext(); ) {
            PendingEnd end = it.next();
            if (end.durable().isDone()) {
                // A failed acknowledgement was recorded by SendFailures: the node stops before committing.
                if (!end.durable().isCompletedExceptionally()) {
                    send(end.invocation(), new StateRecord(null,
                            finished.getOrDefault(end.invocation(), System.currentTimeMillis())));
                }
                it.remove();
            }
        }
        for (String id : expired) {
            producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), id, null), failures);
        }
        expired.clear();
    }

    private void send(String id, StateRecord record) {
        producer.send(record(id, record), failures);
    }

    private ProducerRecord<String, byte[]> record(String id, StateRecord record) {
        return new ProducerRecord<>(partition.topic(), partition.partition(), id, WireJson.write(record));
    }

    /** Reads the node's changelog partition from the start to its current end. */
    public void restore(Consumer<String, byte[]> consumer, Duration timeout) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        long deadline = System.nanoTime() + timeout.toNanos();
        long cutoff = System.currentTimeMillis() - FINISHED_MARKER_TTL.toMillis();
        int records = 0;
        while (consumer.position(partition) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("restoring " + partition + " did not reach offset " + end + " in " + timeout);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                records++;
                apply(record, cutoff);
            }
        }
        consumer.unsubscribe();
        LOG.info("restored {} live invocations and {} finished markers from {} records of {}", live.size(),
                finished.size(), records, partition);
    }

    private void apply(ConsumerRecord<String, byte[]> record, long cutoff) {
        if (record.value() == null) {
            live.remove(record.key());
            expired.remove(record.key());
            return;
        }
        try {
            StateRecord state = WireJson.read(record.value(), StateRecord.class);
            if (state.finishedAt() != null) {
                live.remove(record.key());
                if (state.finishedAt() >= cutoff) {
                    finished.put(record.key(), state.finishedAt());
                } else {
                    expired.add(record.key());
                }
            } else if (state.state() != null) {
                live.put(record.key(), state.state());
            }
        } catch (IOException e) {
            LOG.error("skipping unreadable changelog record {} at {}: {}", record.key(), record.offset(), e.getMessage());
        }
    }
}
