package io.faasflow.scheduler.engine;

import io.faasflow.scheduler.state.InvocationState;
import io.faasflow.scheduler.state.StateStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link StateStore} for engine unit tests: no durability. */
final class InMemoryStateStore implements StateStore {
    final Map<String, InvocationState> live = new HashMap<>();
    final Set<String> finished = new HashSet<>();

    @Override
    public Optional<InvocationState> get(String invocation) {
        return Optional.ofNullable(live.get(invocation));
    }

    @Override
    public void put(InvocationState state) {
        live.put(state.id, state);
    }

    @Override
    public void markDirty(InvocationState state) {
    }

    @Override
    public boolean isFinished(String invocation) {
        return finished.contains(invocation);
    }

    @Override
    public void finish(String invocation, java.util.concurrent.CompletableFuture<?> durable) {
        live.remove(invocation);
        finished.add(invocation);
    }

    @Override
    public Collection<InvocationState> all() {
        return List.copyOf(live.values());
    }

    /** What the next {@link #persistNow} answers: done at once unless a test holds the write back. */
    java.util.concurrent.CompletableFuture<?> nextPersist = java.util.concurrent.CompletableFuture.completedFuture(null);

    @Override
    public java.util.concurrent.CompletableFuture<?> persistNow(InvocationState state) {
        return nextPersist;
    }
}
