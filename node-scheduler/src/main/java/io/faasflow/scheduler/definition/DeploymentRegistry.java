package io.faasflow.scheduler.definition;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Every deployed version of every workflow this node has read. Thread-safe. */
public final class DeploymentRegistry {
    private final Map<String, NavigableMap<Long, Deployment>> byName = new ConcurrentHashMap<>();

    public void add(Deployment deployment) {
        byName.computeIfAbsent(deployment.name(), n -> new ConcurrentSkipListMap<>()).put(deployment.version(), deployment);
    }

    public Optional<Deployment> latest(String workflow) {
        NavigableMap<Long, Deployment> versions = byName.get(workflow);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    public Optional<Deployment> version(String workflow, long version) {
        NavigableMap<Long, Deployment> versions = byName.get(workflow);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }
}
