package io.faasflow.topology.model;

/**
 * One declared output of a function.
 *
 * @param key output key, unique within its function
 * @param type {@code pass}, {@code normal} or {@code keys} (a foreach list)
 * @param size declared size in bytes, never negative
 */
public record OutputSpec(String key, String type, long size) {
}
