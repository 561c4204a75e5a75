package io.faasflow.scheduler.definition;

import io.faasflow.topology.wire.WorkflowDeletion;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every deployed version of every workflow this node has read, and the version each deleted workflow was
 * deleted at. Thread-safe.
 */
public final class DeploymentRegistry {
    private final Map<String, NavigableMap<Long, Deployment>> byName = new ConcurrentHashMap<>();
    private final Map<String, WorkflowDeletion> deletions = new ConcurrentHashMap<>();
    private final List<Consumer<Deployment>> listeners = new CopyOnWriteArrayList<>();

    public void add(Deployment deployment) {
        Deployment previous = byName.computeIfAbsent(deployment.name(), n -> new ConcurrentSkipListMap<>())
                .put(deployment.version(), deployment);
        if (previous == null) {
            listeners.forEach(listener -> listener.accept(deployment));
        }
    }

    /** Calls {@code listener} with every deployment added from now on, on the thread that adds it. */
    public void onAdded(Consumer<Deployment> listener) {
        listeners.add(listener);
    }

    /**
     * Takes {@code workflow} out of service from {@code version} on: {@link #latest} answers empty until a
     * deployment with a higher version; {@link #version} still finds every version, for invocations running on it.
     */
    public void delete(WorkflowDeletion deletion) {
        deletions.merge(deletion.name(), deletion, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
    }

    /** Whether a deletion of {@code workflow} was read (a later deployment may have brought it back). */
    public boolean wasDeleted(String workflow) {
        return deletions.containsKey(workflow);
    }

    /** The version new invocations of {@code workflow} run on; empty when it was never deployed or is deleted. */
    public Optional<Deployment> latest(String workflow) {
        NavigableMap<Long, Deployment> versions = byName.get(workflow);
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        Deployment newest = versions.lastEntry().getValue();
        WorkflowDeletion deletion = deletions.get(workflow);
        return deletion == null || newest.version() > deletion.version() ? Optional.of(newest) : Optional.empty();
    }

    /**
     * The version an invocation submitted at {@code submittedAt} (epoch ms) runs on: the latest, or, for one
     * submitted before its workflow was deleted (the ingress accepted it; this node read the deletion first), the
     * last version deployed before the deletion.
     */
    public Optional<Deployment> forInvocation(String workflow, long submittedAt) {
        Optional<Deployment> latest = latest(workflow);
        WorkflowDeletion deletion = deletions.get(workflow);
        if (latest.isPresent() || deletion == null || submittedAt <= 0 || submittedAt >= deletion.deletedAt()) {
            return latest;
        }
        NavigableMap<Long, Deployment> versions = byName.get(workflow);
        var before = versions == null ? null : versions.lowerEntry(deletion.version());
        return before == null ? Optional.empty() : Optional.of(before.getValue());
    }

    /** The latest version of every workflow that is not deleted. */
    public List<Deployment> latestOfEach() {
        return byName.keySet().stream().map(this::latest).flatMap(Optional::stream).toList();
    }

    public Optional<Deployment> version(String workflow, long version) {
        NavigableMap<Long, Deployment> versions = byName.get(workflow);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }
}
