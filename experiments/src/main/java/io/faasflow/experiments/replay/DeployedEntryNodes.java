package io.faasflow.experiments.replay;

import io.faasflow.scheduler.kafka.KafkaClients;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.wire.DefinitionRecord;
import io.faasflow.topology.wire.DeployedWorkflow;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The entry node of every workflow deployed in a cluster, read once from its {@code workflow-definitions} topic,
 * so that an invocation goes straight to the partition of the node that starts it, as the ingress sends it.
 */
final class DeployedEntryNodes {
    private static final Duration READ_LIMIT = Duration.ofSeconds(30);
    private final Map<String, Integer> entryNodes;

    private DeployedEntryNodes(Map<String, Integer> entryNodes) {
        this.entryNodes = entryNodes;
    }

    static DeployedEntryNodes read(String bootstrap, TopicLayout layout) {
        Map<String, Integer> entries = new HashMap<>();
        TopicPartition partition = new TopicPartition(layout.definitions(), 0);
        try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(bootstrap, null, "faasflow-replay-definitions")) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), READ_LIMIT).get(partition);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (consumer.position(partition) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + layout.definitions() + " at " + bootstrap
                            + " to its end within " + READ_LIMIT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        // A tombstone: the key is the workflow's name, with or without its @version.
                        entries.remove(record.key().replaceFirst("@\\d+$", ""));
                    } else {
                        switch (parse(record)) {
                            case DeployedWorkflow deployed -> entries.put(deployed.name(), deployed.plan().entryNode());
                            case io.faasflow.topology.wire.WorkflowDeletion deleted -> entries.remove(deleted.name());
                        }
                    }
                }
            }
        }
        return new DeployedEntryNodes(entries);
    }

    private static DefinitionRecord parse(ConsumerRecord<String, byte[]> record) {
        try {
            return DefinitionRecord.read(record.value());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("unreadable deployment record '" + record.key() + "' at offset "
                    + record.offset() + ": " + e.getMessage(), e);
        }
    }

    Optional<Integer> entryNode(String workflow) {
        return Optional.ofNullable(entryNodes.get(workflow));
    }

    Set<String> workflows() {
        return entryNodes.keySet();
    }
}
