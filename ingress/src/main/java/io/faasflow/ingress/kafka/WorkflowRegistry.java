package io.faasflow.ingress.kafka;

import io.faasflow.topology.wire.DefinitionRecord;
import io.faasflow.topology.wire.DeployedWorkflow;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.wire.WireJson;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The latest {@link DeployedWorkflow} of every name, rebuilt from the {@code workflow-definitions} topic at
 * startup and kept current by a tailer, so several ingress instances agree. Thread-safe.
 */
@Singleton
public class WorkflowRegistry {
    /** The latest definitions record of each name: a deployment, or its deletion. */
    private final Map<String, DefinitionRecord> latest = new ConcurrentHashMap<>();

    /** Applies one definitions record (keyed {@code name@version}); tombstones are ignored. */
    public void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        DefinitionRecord read;
        try {
            read = DefinitionRecord.read(record.value());
        } catch (IOException e) {
            throw new IllegalArgumentException("not a definitions record: " + WireJson.describe(e), e);
        }
        if (read instanceof DeployedWorkflow deployed) {
            // Every later deployment plans around this one's definition: one that does not load would break them all.
            new WorkflowLoader().parse(deployed.name(), deployed.yaml(), "deployment record " + record.key());
        }
        remember(read);
    }

    /** Records a deployment or deletion unless a higher version of that name is already known. */
    public void remember(DefinitionRecord record) {
        latest.merge(record.name(), record, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
    }

    /** The latest deployment of every workflow that is not deleted, ordered by name. */
    public java.util.List<DeployedWorkflow> all() {
        return latest.values().stream().filter(DeployedWorkflow.class::isInstance).map(DeployedWorkflow.class::cast)
                .sorted(java.util.Comparator.comparing(DeployedWorkflow::name)).toList();
    }

    /** The latest deployment of {@code name}; empty when it was never deployed or is deleted. */
    public Optional<DeployedWorkflow> find(String name) {
        return latest.get(name) instanceof DeployedWorkflow deployed ? Optional.of(deployed) : Optional.empty();
    }

    /** The version the next deployment or deletion of {@code name} gets: 1 for a new name. */
    public long nextVersion(String name) {
        DefinitionRecord known = latest.get(name);
        return known == null ? 1L : known.version() + 1;
    }
}
