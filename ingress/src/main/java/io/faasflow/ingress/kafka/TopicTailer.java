package io.faasflow.ingress.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads every partition of one topic from the beginning, forever, on its own daemon thread, handing each record
 * to a handler (on that thread). Without a consumer group: every ingress instance sees every record.
 *
 * <p>Call order: {@link #start(Duration)} once, then {@link #close()} once. {@link #awaitCaughtUp(Duration)} tells when
 * the records that existed at start have all been handled.
 */
public final class TopicTailer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TopicTailer.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private final DeadLetterWriter deadLetters;

    /**
     * @param consumer a fresh consumer without group, owned (and closed) by this tailer
     * @param handler called for every record, in offset order per partition; a record it throws for is skipped
     * @param deadLetters where skipped records go once caught up; those before were copied when they were new,
     *     as the topic is read from its start at every start
     */
    public TopicTailer(String topic, KafkaConsumer<String, byte[]> consumer,
            Consumer<ConsumerRecord<String, byte[]>> handler, DeadLetterWriter deadLetters) {
        this.deadLetters = deadLetters;
        this.topic = topic;
        this.consumer = consumer;
        this.handler = handler;
        this.thread = new Thread(this::run, "tail-" + topic);
        this.thread.setDaemon(true);
    }

    /**
     * Assigns all partitions, seeks to the beginning and starts the thread. The topic must exist; a just-created
     * topic is waited for up to {@code metadataTimeout} while broker metadata catches up.
     */
    public void start(Duration metadataTimeout) throws InterruptedException {
        start(metadataTimeout, -1);
    }

    /**
     * As {@link #start(Duration)}, but from the first record written at or after {@code fromTimestamp} (epoch ms)
     * in each partition, the end where there is none; from the beginning when {@code fromTimestamp} is negative.
     */
    public void start(Duration metadataTimeout, long fromTimestamp) throws InterruptedException {
        long deadline = System.nanoTime() + metadataTimeout.toNanos();
        List<TopicPartition> partitions = partitions();
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            partitions = partitions();
        }
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions visible to the consumer");
        }
        consumer.assign(partitions);
        if (fromTimestamp < 0) {
            consumer.seekToBeginning(partitions);
        } else {
            Map<TopicPartition, Long> query = new java.util.HashMap<>();
            partitions.forEach(partition -> query.put(partition, fromTimestamp));
            consumer.offsetsForTimes(query).forEach((partition, found) -> {
                if (found == null) {
                    consumer.seekToEnd(List.of(partition));
                } else {
                    consumer.seek(partition, found.offset());
                }
            });
        }
        thread.start();
    }

    private List<TopicPartition> partitions() {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    /** Waits until the records present at {@link #start(Duration)} have been handled; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (!Thread.currentThread().isInterrupted()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                for (ConsumerRecord<String, byte[]> record : records) {
                    handle(record);
                }
                if (caughtUp.getCount() > 0 && reached(end)) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            LOG.debugf("tailer of %s stopped", topic);
        } catch (RuntimeException e) {
            LOG.errorf(e, "tailer of %s died; its view will no longer change", topic);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        try {
            handler.accept(record);
        } catch (RuntimeException e) {
            String cause = e.getMessage() == null ? e.toString() : e.getMessage();
            if (caughtUp.getCount() == 0) {
                deadLetters.send(record, cause);
            } else {
                LOG.warnf("skipped unreadable record %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                        record.offset(), record.key(), cause);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(5000);
    }
}
