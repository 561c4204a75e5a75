package io.faasflow.ingress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded map that forgets its least recently used entry when full. Thread-safe (every method locks).
 *
 * @param <K> key type
 * @param <V> value type, never null
 */
public final class LruCache<K, V> {
    private final Map<K, V> entries;

    /** @param capacity most entries kept, at least 1 */
    public LruCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1; got " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized void remove(K key) {
        entries.remove(key);
    }

    public synchronized Optional<V> get(K key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** A copy of every entry, least recently used first. */
    public synchronized Map<K, V> snapshot() {
        return new LinkedHashMap<>(entries);
    }

    public synchronized int size() {
        return entries.size();
    }
}
