package io.faasflow.storage;

import io.faasflow.topology.placement.Destination;
import java.util.Collection;
import java.util.Optional;

/**
 * The data API of one worker node: puts a datum where its placement says (node-local memory, the shared
 * store, or both) and fetches local first, then remote. A key that neither tier holds is an error, never a
 * placeholder value. Thread-safe.
 *
 * <p>{@code adapter.put(invocation, "split/out", bytes, Destination.DB_MEM); adapter.fetch(invocation, "split/out");}
 */
public final class StorageAdapter implements AutoCloseable {
    private final DataStore local;
    private final DataStore remote;

    public StorageAdapter(DataStore local, DataStore remote) {
        this.local = local;
        this.remote = remote;
    }

    /** Connects to this node's Redis and the shared CouchDB. */
    public static StorageAdapter connect(StorageConfig config) {
        RedisDataStore redis = new RedisDataStore(config.redisUri(), config.ttl());
        try {
            return new StorageAdapter(redis, new CouchDataStore(config.couchUrl(), config.database()));
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    public void put(String invocation, String key, byte[] value, Destination destination) {
        if (destination.remote()) {
            remote.put(invocation, key, value);
        }
        if (destination.local()) {
            local.put(invocation, key, value);
        }
    }

    /** The datum, from this node's memory if there, else from the shared store. */
    public byte[] fetch(String invocation, String key) {
        return find(invocation, key).orElseThrow(() -> new StorageException(invocation, key, "MEM+DB",
                "no such key in this node's memory nor in the shared store"));
    }

    /**
     * Like {@link #fetch}, but a key that neither tier holds is empty; a tier that fails still throws.
     *
     * @throws StorageException when a tier could not be read
     */
    public Optional<byte[]> find(String invocation, String key) {
        Optional<byte[]> value = local.get(invocation, key);
        return value.isPresent() ? value : remote.get(invocation, key);
    }

    /**
     * Removes an invocation's keys from both tiers; a failure in one tier does not stop the other.
     *
     * @throws StorageException after trying both, when either failed
     */
    public void remove(String invocation, Collection<String> keys) {
        RuntimeException failure = null;
        for (DataStore store : new DataStore[] {local, remote}) {
            try {
                store.delete(invocation, keys);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw new StorageException(invocation, String.join(",", keys), "MEM+DB", "cleanup failed: "
                    + failure.getMessage(), failure);
        }
    }

    /** This node's memory tier, for inspection. */
    public DataStore local() {
        return local;
    }

    /** The shared tier, for inspection. */
    public DataStore remote() {
        return remote;
    }

    @Override
    public void close() {
        try {
            local.close();
        } finally {
            remote.close();
        }
    }
}
