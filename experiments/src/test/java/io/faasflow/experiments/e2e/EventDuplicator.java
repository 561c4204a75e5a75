package io.faasflow.experiments.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.scheduler.kafka.KafkaClients;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Redelivers every scheduling event of one invocation: each trigger, run request, run end and report that a
 * node sends is produced once more, to the same partition, as a crash before the offset commit would replay it.
 * Counts the original run ends (reports in worker mode, run ends in master mode) and the invocation's results.
 */
final class EventDuplicator implements AutoCloseable {
    private static final Set<String> DUPLICATED_KINDS = Set.of("trigger", "run", "ended", "report");

    private final String invocation;
    private final TopicLayout layout;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<ByteBuffer, Integer> injected = new HashMap<>();
    private final Map<String, Integer> runEnds = new TreeMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int duplicated;
    private int results;

    private EventDuplicator(String bootstrap, TopicLayout layout, String invocation) {
        this.invocation = invocation;
        this.layout = layout;
        this.consumer = KafkaClients.consumer(bootstrap, null, "duplicator-" + invocation);
        this.producer = KafkaClients.producer(bootstrap, "duplicator-" + invocation);
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < layout.nodes(); p++) {
            partitions.add(new TopicPartition(layout.functionEvents(), p));
            partitions.add(new TopicPartition(layout.results(), p));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = Thread.ofPlatform().name("event-duplicator").start(this::loop);
    }

    static EventDuplicator start(String bootstrap, TopicLayout layout, String invocation) {
        return new EventDuplicator(bootstrap, layout, invocation);
    }

    /** Produces a record twice, as an at-least-once client would after a lost acknowledgement. */
    void produceTwice(String topic, int partition, byte[] value) throws InterruptedException, ExecutionException {
        producer.send(new ProducerRecord<>(topic, partition, invocation, value)).get();
        producer.send(new ProducerRecord<>(topic, partition, invocation, value)).get();
    }

    private void loop() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                if (invocation.equals(record.key())) {
                    handle(record);
                }
            }
        }
    }

    private synchronized void handle(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(layout.results())) {
            results++;
            return;
        }
        ByteBuffer payload = ByteBuffer.wrap(record.value());
        Integer copiesInFlight = injected.get(payload);
        if (copiesInFlight != null) {
            // One of ours coming back.
            if (copiesInFlight == 1) {
                injected.remove(payload);
            } else {
                injected.put(payload, copiesInFlight - 1);
            }
            return;
        }
        JsonNode event;
        try {
            event = WireJson.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable event", e);
        }
        String kind = event.path("kind").asText();
        if (kind.equals("report")) {
            runEnds.merge("report " + event.path("function").asText(), 1, Integer::sum);
        } else if (kind.equals("ended")) {
            runEnds.merge("ended " + event.path("function").asText() + "@" + event.path("element").asInt() + "#"
                    + event.path("attempt").asInt(), 1, Integer::sum);
        }
        if (DUPLICATED_KINDS.contains(kind)) {
            injected.merge(payload, 1, Integer::sum);
            producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value()));
            duplicated++;
        }
    }

    synchronized Map<String, Integer> originalRunEnds() {
        return Map.copyOf(runEnds);
    }

    synchronized int duplicated() {
        return duplicated;
    }

    synchronized int results() {
        return results;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        consumer.close();
        producer.close();
    }
}
