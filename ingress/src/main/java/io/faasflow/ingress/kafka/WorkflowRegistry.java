package io.faasflow.ingress.kafka;

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
    private final Map<String, DeployedWorkflow> workflows = new ConcurrentHashMap<>();

    /** Applies one definitions record (keyed {@code name@version}); tombstones are ignored. */
    public void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        DeployedWorkflow deployed;
        try {
            deployed = WireJson.read(record.value(), DeployedWorkflow.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a deployment record: " + WireJson.describe(e), e);
        }
        if (deployed == null || deployed.name() == null || deployed.yaml() == null || deployed.plan() == null) {
            throw new IllegalArgumentException("a deployment record needs name, yaml and plan");
        }
        // Every later deployment plans around this one's definition: one that does not load would break them all.
        new WorkflowLoader().parse(deployed.name(), deployed.yaml(), "deployment record " + record.key());
        remember(deployed);
    }

    /** Records a deployment unless a higher version of that name is already known. */
    public void remember(DeployedWorkflow workflow) {
        workflows.merge(workflow.name(), workflow, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
    }

    /** The latest deployment of every workflow, ordered by name. */
    public java.util.List<DeployedWorkflow> all() {
        return workflows.values().stream().sorted(java.util.Comparator.comparing(DeployedWorkflow::name)).toList();
    }

    public Optional<DeployedWorkflow> find(String name) {
        return Optional.ofNullable(workflows.get(name));
    }

    /** The version the next deployment of {@code name} gets: 1 for a new name. */
    public long nextVersion(String name) {
        return find(name).map(w -> w.version() + 1).orElse(1L);
    }
}
