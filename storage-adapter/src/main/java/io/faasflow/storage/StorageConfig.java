package io.faasflow.storage;

import java.time.Duration;

/**
 * Where a node's data lives.
 *
 * @param redisUri this node's Redis, e.g. {@code redis://127.0.0.1:6379}
 * @param couchUrl the shared CouchDB, e.g. {@code http://127.0.0.1:5984}
 * @param database the CouchDB database holding invocation data
 * @param ttl how long a datum lives in Redis if its invocation's cleanup never runs
 */
public record StorageConfig(String redisUri, String couchUrl, String database, Duration ttl) {
    public static final String DEFAULT_DATABASE = "faasflow-data";
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
}
