package io.faasflow.scheduler.definition;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Every deployed version of every workflow this node has read. Thread-safe. */
public final class DeploymentRegistry {
    private final Map<String, NavigableMap<Long, Deployment>> byName = new ConcurrentHashMap<>();
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

    public Optional<Deployment> latest(String workflow) {
        NavigableMap<Long, Deployment> versions = byName.get(workflow);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    /** The latest version of every workflow. */
    public List<Deployment> latestOfEach() {
        return byName.values().stream().filter(versions -> !versions.isEmpty())
                .map(versions -> versions.lastEntry().getValue()).toList();
    }

    public Optional<Deployment> version(String workflow, long version) {
        NavigableMap<Long, Deployment> versions = byName.get(workflow);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }
}
