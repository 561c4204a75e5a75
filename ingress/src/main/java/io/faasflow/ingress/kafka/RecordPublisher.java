package io.faasflow.ingress.kafka;

import io.faasflow.ingress.UnavailableException;
import io.faasflow.topology.wire.WireJson;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Writes JSON records ({@link WireJson}) and waits for the broker's acknowledgement, so a client that got a
 * success answer knows the records are durable. Any Kafka failure becomes an {@link UnavailableException}.
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
        return publishToEach(topic, Collections.singletonList(partition), key, value).getFirst();
    }

    /**
     * Sends the same {@code value} as JSON to each of {@code partitions}, all at once, and waits until every copy
     * is acknowledged. When one fails, the others may still have been written.
     *
     * @param partitions target partitions; a null element lets the key choose
     * @return where each record was written, in the order of {@code partitions}
     */
    public List<RecordMetadata> publishToEach(String topic, List<Integer> partitions, String key, Object value) {
        byte[] json = WireJson.write(value);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ACK_TIMEOUT_SECONDS);
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>(partitions.size());
            for (Integer partition : partitions) {
                sent.add(clients.producer().send(new ProducerRecord<>(topic, partition, key, json)));
            }
            List<RecordMetadata> written = new ArrayList<>(sent.size());
            for (Future<RecordMetadata> ack : sent) {
                written.add(ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return written;
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
