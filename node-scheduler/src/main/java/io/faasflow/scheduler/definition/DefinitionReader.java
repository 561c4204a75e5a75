package io.faasflow.scheduler.definition;

import io.faasflow.scheduler.intake.DeadLetters;
import io.faasflow.scheduler.kafka.KafkaClients;
import io.faasflow.scheduler.kafka.KafkaConnection;
import io.faasflow.topology.wire.DefinitionRecord;
import io.faasflow.topology.wire.DeployedWorkflow;
import io.faasflow.topology.wire.WorkflowDeletion;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the {@code workflow-definitions} topic from its beginning on a thread of its own and adds every
 * deployment to the registry. A definition that no longer parses is logged and skipped.
 */
public final class DefinitionReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DefinitionReader.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicPartition partition;
    private final DeploymentRegistry registry;
    private final DeadLetters deadLetters;
    private final Thread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;

    /**
     * @param deadLetters where definitions that cannot be read go; only those read after catching up, as the ones
     *     before were copied there when they were new (the topic is read from its start at every start)
     */
    public DefinitionReader(KafkaConnection kafka, String topic, DeploymentRegistry registry, String clientId,
            DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.consumer = KafkaClients.consumer(kafka, null, clientId);
        this.partition = new TopicPartition(topic, 0);
        this.registry = registry;
        this.thread = Thread.ofPlatform().name(clientId).daemon().unstarted(this::loop);
    }

    /** Starts reading and waits until the topic's current end has been read. */
    public void start(Duration timeout) throws InterruptedException {
        thread.start();
        if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("could not read " + partition + " to its end within " + timeout);
        }
    }

    private void loop() {
        try {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read(record);
                }
                if (caughtUp.getCount() > 0 && consumer.position(partition) >= end) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("definition reader stopped", e);
        } finally {
            consumer.close();
        }
    }

    private void read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            switch (DefinitionRecord.read(record.value())) {
                case DeployedWorkflow deployed -> registry.add(Deployment.of(deployed));
                case WorkflowDeletion deletion -> registry.delete(deletion);
            }
        } catch (Exception e) {
            String cause = "not a readable deployment: " + (e instanceof IOException io ? WireJson.describe(io) : e.getMessage());
            if (caughtUp.getCount() == 0) {
                deadLetters.send(record, cause);
            } else {
                LOG.error("skipping deployment record {} at offset {}: {}", record.key(), record.offset(), cause);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
