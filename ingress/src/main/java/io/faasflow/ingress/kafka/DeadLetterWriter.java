package io.faasflow.ingress.kafka;

import io.faasflow.ingress.config.IngressSettings;
import io.faasflow.topology.wire.DeadLetterHeaders;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Copies records the ingress's tailers cannot apply to the dead-letter topic, as they came, with the
 * {@link DeadLetterHeaders}; counts and logs each once. Never throws: a tailer goes on either way.
 */
@Singleton
public class DeadLetterWriter {
    private static final Logger LOG = Logger.getLogger(DeadLetterWriter.class);

    private final KafkaClients clients;
    private final String topic;
    private final AtomicLong count = new AtomicLong();

    @Inject
    public DeadLetterWriter(KafkaClients clients, IngressSettings settings) {
        this.clients = clients;
        this.topic = settings.layout().deadLetters();
    }

    public void send(ConsumerRecord<String, byte[]> record, String cause) {
        LOG.warnf("ingress: dead letter #%d from %s-%d@%d (key %s): %s", count.incrementAndGet(), record.topic(),
                record.partition(), record.offset(), record.key(), cause);
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, null, record.key(),
                DeadLetterHeaders.fitted(record.value()));
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        DeadLetterHeaders.of(cause, record.topic(), record.partition(), record.offset(), "ingress",
                record.value())
                .forEach(letter.headers()::add);
        try {
            clients.producer().send(letter, (metadata, error) -> {
                if (error != null) {
                    LOG.errorf("ingress: could not write the dead letter of %s-%d@%d: %s", record.topic(),
                            record.partition(), record.offset(), error);
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf("ingress: could not write the dead letter of %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e);
        }
    }

    /** Records dropped since start. */
    public long count() {
        return count.get();
    }
}
