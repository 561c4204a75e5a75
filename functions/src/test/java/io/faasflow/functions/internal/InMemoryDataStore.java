package io.faasflow.functions.internal;

import io.faasflow.storage.DataStore;
import io.faasflow.storage.StorageException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link DataStore} in a map, counting reads; {@link #failReads} makes every read fail as a broken service would,
 * {@link #delay} makes every put and read take a while, as a round trip would.
 */
public final class InMemoryDataStore implements DataStore {
    private final String tier;
    private final Map<String, byte[]> values = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private volatile boolean failReads;
    private volatile Duration delay = Duration.ZERO;

    public InMemoryDataStore(String tier) {
        this.tier = tier;
    }

    private static String id(String invocation, String key) {
        return invocation + "|" + key;
    }

    @Override
    public String tier() {
        return tier;
    }

    @Override
    public void put(String invocation, String key, byte[] value) {
        pause();
        values.put(id(invocation, key), value.clone());
    }

    @Override
    public Optional<byte[]> get(String invocation, String key) {
        reads.computeIfAbsent(id(invocation, key), k -> new AtomicInteger()).incrementAndGet();
        pause();
        if (failReads) {
            throw new StorageException(invocation, key, tier, "test store is down", new IllegalStateException("down"));
        }
        return Optional.ofNullable(values.get(id(invocation, key))).map(byte[]::clone);
    }

    @Override
    public boolean contains(String invocation, String key) {
        return values.containsKey(id(invocation, key));
    }

    @Override
    public void delete(String invocation, Collection<String> keys) {
        keys.forEach(key -> values.remove(id(invocation, key)));
    }

    @Override
    public void close() {
    }

    /** How often a key was read. */
    public int reads(String invocation, String key) {
        AtomicInteger count = reads.get(id(invocation, key));
        return count == null ? 0 : count.get();
    }

    @Override
    public List<String> keysOf(String invocation) {
        String prefix = invocation + "|";
        return values.keySet().stream().filter(id -> id.startsWith(prefix)).map(id -> id.substring(prefix.length())).toList();
    }

    /** Storage keys held for an invocation, sorted. */
    public Set<String> keys(String invocation) {
        return new TreeSet<>(keysOf(invocation));
    }

    public void failReads(boolean fail) {
        this.failReads = fail;
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    private void pause() {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("", "", tier, "interrupted", e);
            }
        }
    }
}
