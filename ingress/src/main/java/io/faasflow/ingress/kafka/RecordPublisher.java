package io.faasflow.ingress.kafka;

import io.faasflow.ingress.UnavailableException;
import io.faasflow.topology.wire.WireJson;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Writes one JSON record ({@link WireJson}) and waits for the broker's acknowledgement, so a client that got a
 * success answer knows the record is durable. Any Kafka failure becomes an {@link UnavailableException}.
 */
@Singleton
public class RecordPublisher {
    private static final long ACK_TIMEOUT_SECONDS = 20;

    private final KafkaClients clients;

    @Inject
    public RecordPublisher(KafkaClients clients) {
        this.clients = clients;
    }

    /**
     * Sends {@code value} as JSON.
     *
     * @param partition the target partition, or null to let the key choose
     * @return where the record was written
     */
    public RecordMetadata publish(String topic, Integer partition, String key, Object value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key, WireJson.write(value));
        try {
            return clients.producer().send(record).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while writing to " + topic, e);
        } catch (ExecutionException e) {
            throw new UnavailableException("Kafka did not accept the record on " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new UnavailableException("Kafka did not acknowledge the record on " + topic + " within "
                    + ACK_TIMEOUT_SECONDS + " s", e);
        } catch (KafkaException e) {
            throw new UnavailableException("Kafka refused the record on " + topic + ": " + e.getMessage(), e);
        }
    }
}
