package io.faasflow.scheduler.intake;

import io.faasflow.topology.wire.DeadLetterHeaders;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where records that cannot be handled go: copied as they came (key, value and headers) to the dead-letter topic,
 * with headers naming the cause, the source topic, partition and offset and the node that gave up on them; counted,
 * and logged once each. A dead letter that cannot be written is logged, never fatal: the node goes on either way.
 */
public final class DeadLetters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final String topic;
    private final String consumer;
    private final Producer<String, byte[]> producer;
    private final AtomicLong count = new AtomicLong();

    /**
     * @param topic the dead-letter topic
     * @param consumer who gives up on the records, as the header and the log name it (e.g. {@code node-2})
     */
    public DeadLetters(String topic, String consumer, Producer<String, byte[]> producer) {
        this.topic = topic;
        this.consumer = consumer;
        this.producer = producer;
    }

    /** Drops {@code record} for {@code cause}: logs it, counts it and copies it to the dead-letter topic. */
    public void send(ConsumerRecord<String, byte[]> record, String cause) {
        long total = count.incrementAndGet();
        LOG.warn("{}: dead letter #{} from {}-{}@{} (key {}): {}", consumer, total, record.topic(), record.partition(),
                record.offset(), record.key(), cause);
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, null, record.key(),
                DeadLetterHeaders.fitted(record.value()));
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        DeadLetterHeaders.of(cause, record.topic(), record.partition(), record.offset(), consumer,
                record.value())
                .forEach(letter.headers()::add);
        try {
            producer.send(letter, (metadata, error) -> {
                if (error != null) {
                    LOG.error("{}: could not write the dead letter of {}-{}@{}: {}", consumer, record.topic(),
                            record.partition(), record.offset(), error.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.error("{}: could not write the dead letter of {}-{}@{}: {}", consumer, record.topic(),
                    record.partition(), record.offset(), e.toString());
        }
    }

    /** How many records were dropped since start. */
    public long count() {
        return count.get();
    }

    /** Logs how many records were dropped; the producer belongs to the caller. */
    @Override
    public void close() {
        if (count.get() > 0) {
            LOG.info("{}: {} dead letters since start", consumer, count.get());
        }
    }
}
