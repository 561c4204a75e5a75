package io.faasflow.functions.server;

import io.faasflow.storage.StorageConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Set;

/**
 * Where the served function's data lives: field {@code storage} of {@link InitRequest}, the node's
 * {@link StorageConfig} in JSON.
 *
 * @param redisUri the node's Redis, e.g. {@code redis://127.0.0.1:6379}
 * @param couchUrl the shared CouchDB, e.g. {@code http://127.0.0.1:5984}
 * @param couchDatabase the CouchDB database holding invocation data
 * @param dataTtlSeconds how long a datum lives in Redis if its invocation's cleanup never runs, at least 1
 */
public record StorageSettings(String redisUri, String couchUrl, String couchDatabase, Long dataTtlSeconds) {

    /** The settings of a {@link StorageConfig}, as the node's pool sends them. */
    public static StorageSettings of(StorageConfig config) {
        return new StorageSettings(config.redisUri(), config.couchUrl(), config.database(), config.ttl().toSeconds());
    }

    /**
     * Checks every field.
     *
     * @param prefix the path of this object in the request, e.g. {@code storage}
     * @throws InvalidRequestException naming the first field at fault
     */
    public void validate(String prefix) {
        uri(redisUri, prefix + ".redisUri", Set.of("redis", "rediss"));
        uri(couchUrl, prefix + ".couchUrl", Set.of("http", "https"));
        RequestFields.text(couchDatabase, prefix + ".couchDatabase");
        if (RequestFields.present(dataTtlSeconds, prefix + ".dataTtlSeconds") < 1) {
            throw new InvalidRequestException(prefix + ".dataTtlSeconds", "must be at least 1; got " + dataTtlSeconds);
        }
    }

    /** The storage adapter's configuration; call {@link #validate} first. */
    public StorageConfig toConfig() {
        return new StorageConfig(redisUri, couchUrl, couchDatabase, Duration.ofSeconds(dataTtlSeconds));
    }

    private static void uri(String value, String field, Set<String> schemes) {
        RequestFields.text(value, field);
        String expected = "must be a " + String.join(" or ", schemes.stream().sorted().map(s -> s + "://").toList())
                + " URI with a host; got '" + value + "'";
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidRequestException(field, expected);
            }
        } catch (URISyntaxException e) {
            throw new InvalidRequestException(field, expected + " (" + e.getMessage() + ")");
        }
    }
}
