package io.faasflow.experiments.replay;

import io.faasflow.scheduler.kafka.KafkaClients;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Invokes workflows through Kafka alone: produces each invocation record, with an id of its own, to the partition
 * of the workflow's entry node, and reads {@code workflow-results} from its end on a thread of its own. A result
 * completes the invocation of its id once: a second result of the same id (a redelivery), a result after the
 * time-out and results of invocations other clients sent are counted, never matched.
 */
public final class KafkaInvoker implements AutoCloseable {
    private final TopicLayout layout;
    private final String bootstrap;
    private volatile DeployedEntryNodes entryNodes;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread listener;
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("replay-timeouts").factory());
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** Ended invocations: true when a result ended it, false when the replay gave up on it. */
    private final Map<String, Boolean> ended = new ConcurrentHashMap<>();
    private final Set<String> matched = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();
    private volatile boolean closing;

    private record Pending(String id, ReplayTarget target, long sentNanos, CompletableFuture<Completion> future) {
    }

    private KafkaInvoker(String bootstrap, TopicLayout layout) {
        this.layout = layout;
        this.bootstrap = bootstrap;
        this.entryNodes = DeployedEntryNodes.read(bootstrap, layout);
        this.producer = KafkaClients.producer(bootstrap, "faasflow-replay");
        this.consumer = KafkaClients.consumer(bootstrap, null, "faasflow-replay-results");
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(layout.results()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("no topic " + layout.results() + " at " + bootstrap + ": is a faasflow cluster there?");
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // Resolve the positions now: a result produced before the first poll must not be skipped.
            partitions.forEach(consumer::position);
        } catch (RuntimeException e) {
            consumer.close();
            producer.close(Duration.ZERO);
            timeouts.shutdownNow();
            throw e;
        }
        this.listener = Thread.ofPlatform().name("replay-results").start(this::listen);
    }

    /**
     * Connects to the cluster at {@code bootstrap}: learns its node count from the partitions of its invocations
     * topic and its deployed workflows from its definitions topic.
     *
     * @throws IllegalStateException when no faasflow cluster with that topic prefix answers there
     */
    public static KafkaInvoker connect(String bootstrap, String topicPrefix) {
        int nodes;
        try (KafkaConsumer<String, byte[]> probe = KafkaClients.consumer(bootstrap, null, "faasflow-replay-probe")) {
            String topic = topicPrefix + TopicLayout.INVOCATIONS;
            List<org.apache.kafka.common.PartitionInfo> partitions = probe.partitionsFor(topic, Duration.ofSeconds(30));
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalStateException("no topic " + topic + " at " + bootstrap + ": is a faasflow cluster there?");
            }
            nodes = partitions.size();
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("no Kafka broker answered at " + bootstrap + " within 30 s", e);
        }
        return new KafkaInvoker(bootstrap, new TopicLayout(topicPrefix, nodes));
    }

    /**
     * Reads the deployments again when one of {@code workflows} is not known yet (deployed after connecting).
     *
     * @throws IllegalArgumentException naming the workflows the cluster has not deployed
     */
    public void requireDeployed(java.util.Collection<String> workflows) {
        if (workflows.stream().anyMatch(w -> entryNodes.entryNode(w).isEmpty())) {
            entryNodes = DeployedEntryNodes.read(bootstrap, layout);
        }
        List<String> missing = workflows.stream().distinct().filter(w -> entryNodes.entryNode(w).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("not deployed in this cluster: " + missing + "; deployed: "
                    + new java.util.TreeSet<>(entryNodes.workflows()) + " (deploy through the ingress first)");
        }
    }

    /**
     * Sends one invocation. The future completes with its result, or after {@code timeout} without one, or
     * with the send error; it never completes exceptionally.
     */
    public CompletableFuture<Completion> invoke(ReplayTarget target, Duration timeout) {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Completion> future = new CompletableFuture<>();
        int entry = entryNodes.entryNode(target.workflow()).orElseThrow(
                () -> new IllegalArgumentException("workflow '" + target.workflow() + "' is not deployed"));
        long sent = System.nanoTime();
        Pending entryPending = new Pending(id, target, sent, future);
        pending.put(id, entryPending);
        InvocationRecord record = new InvocationRecord(id, target.workflow(), target.input(), System.currentTimeMillis());
        try {
            producer.send(new ProducerRecord<>(layout.invocations(), layout.partitionOf(entry), id, WireJson.write(record)),
                    (metadata, error) -> {
                        if (error != null) {
                            end(id, Completion.Outcome.SEND_FAILED, null, error.getClass().getSimpleName() + ": " + error.getMessage());
                        }
                    });
        } catch (RuntimeException e) {
            end(id, Completion.Outcome.SEND_FAILED, null, e.getClass().getSimpleName() + ": " + e.getMessage());
            return future;
        }
        timeouts.schedule(() -> end(id, Completion.Outcome.CLIENT_TIMEOUT, null, null), timeout.toNanos(), TimeUnit.NANOSECONDS);
        return future;
    }

    private void end(String id, Completion.Outcome outcome, InvocationResult result, String detail) {
        Pending entry = pending.remove(id);
        if (entry != null) {
            ended.put(id, outcome == Completion.Outcome.RESULT);
            entry.future().complete(new Completion(id, entry.target(), entry.sentNanos(), System.nanoTime(), outcome,
                    result, detail));
        }
    }

    private void listen() {
        try {
            while (!closing) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    onResult(record);
                }
            }
        } catch (WakeupException e) {
            // close() stops the loop.
        } finally {
            consumer.close();
        }
    }

    private void onResult(ConsumerRecord<String, byte[]> record) {
        InvocationResult result;
        try {
            result = WireJson.read(record.value(), InvocationResult.class);
        } catch (IOException e) {
            foreign.incrementAndGet();
            return;
        }
        if (result.id() == null) {
            foreign.incrementAndGet();
            return;
        }
        end(result.id(), Completion.Outcome.RESULT, result, null);
        Boolean endedByResult = ended.get(result.id());
        if (endedByResult == null) {
            foreign.incrementAndGet();
        } else if (endedByResult && !firstMatch(result.id())) {
            duplicates.incrementAndGet();
        } else if (!endedByResult) {
            late.incrementAndGet();
        }
    }

    /** Whether this is the first result seen for {@code id}; later ones are redeliveries. */
    private boolean firstMatch(String id) {
        return matched.add(id);
    }

    /** Results of this replay's invocations that arrived again after the first one was matched. */
    public long duplicateResults() {
        return duplicates.get();
    }

    /** Results of this replay's invocations that arrived after the replay gave up on them. */
    public long lateResults() {
        return late.get();
    }

    /** Results of invocations this replay did not send (other clients of the same cluster). */
    public long foreignResults() {
        return foreign.get();
    }

    public int inFlight() {
        return pending.size();
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        try {
            listener.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timeouts.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
