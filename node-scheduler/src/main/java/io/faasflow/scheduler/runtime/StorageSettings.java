package io.faasflow.scheduler.runtime;

import io.faasflow.storage.StorageConfig;
import java.util.Objects;

/**
 * Where a container's function reads and writes data: the node's Redis and the shared CouchDB, as the
 * {@code storage} object of {@code POST /init}.
 *
 * @param redisUri the node's Redis, as seen from inside the container
 * @param couchUrl the shared CouchDB, as seen from inside the container
 * @param couchDatabase the CouchDB database of invocation data
 * @param dataTtlSeconds lifetime in Redis of data whose invocation never cleaned up
 */
public record StorageSettings(String redisUri, String couchUrl, String couchDatabase, long dataTtlSeconds) {
    public StorageSettings {
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(couchUrl, "couchUrl");
        Objects.requireNonNull(couchDatabase, "couchDatabase");
        if (dataTtlSeconds <= 0) {
            throw new IllegalArgumentException("dataTtlSeconds must be positive; got " + dataTtlSeconds);
        }
    }

    /** The node's own storage settings, for a container that reaches the same addresses (a local process). */
    public static StorageSettings of(StorageConfig config) {
        return new StorageSettings(config.redisUri(), config.couchUrl(), config.database(), config.ttl().toSeconds());
    }
}
