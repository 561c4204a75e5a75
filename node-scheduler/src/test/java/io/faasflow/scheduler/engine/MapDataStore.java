package io.faasflow.scheduler.engine;

import io.faasflow.storage.DataStore;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link DataStore} in a map for engine tests; each put and read can take a delay, as a round trip would. */
final class MapDataStore implements DataStore {
    private final Map<String, byte[]> values = new ConcurrentHashMap<>();
    private final Duration roundTrip;

    MapDataStore() {
        this(Duration.ZERO);
    }

    MapDataStore(Duration roundTrip) {
        this.roundTrip = roundTrip;
    }

    private void roundTrip() {
        if (roundTrip.isZero()) {
            return;
        }
        try {
            Thread.sleep(roundTrip);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String tier() {
        return "MAP";
    }

    @Override
    public void put(String invocation, String key, byte[] value) {
        roundTrip();
        values.put(invocation + "|" + key, value.clone());
    }

    @Override
    public Optional<byte[]> get(String invocation, String key) {
        roundTrip();
        return Optional.ofNullable(values.get(invocation + "|" + key));
    }

    @Override
    public boolean contains(String invocation, String key) {
        return values.containsKey(invocation + "|" + key);
    }

    @Override
    public List<String> keysOf(String invocation) {
        return values.keySet().stream().filter(id -> id.startsWith(invocation + "|"))
                .map(id -> id.substring(invocation.length() + 1)).toList();
    }

    @Override
    public void delete(String invocation, Collection<String> keys) {
        keys.forEach(key -> values.remove(invocation + "|" + key));
    }

    @Override
    public void close() {
    }
}
