package io.faasflow.storage;

import java.util.Collection;
import java.util.Optional;

/**
 * A byte store addressed by (invocation, storage key). Implementations are thread-safe and talk to a real
 * service; they never interpret the bytes.
 */
public interface DataStore extends AutoCloseable {

    /** {@code MEM} or {@code DB}: which tier this store is, for error messages and metrics. */
    String tier();

    /** Stores {@code value}, replacing any earlier value of the same key. */
    void put(String invocation, String key, byte[] value);

    /** The stored value, or empty when this store does not hold the key. */
    Optional<byte[]> get(String invocation, String key);

    /** Whether this store holds the key (without transferring the value). */
    boolean contains(String invocation, String key);

    /** Every key this store holds for the invocation, in no particular order (for cleanup checks). */
    java.util.List<String> keysOf(String invocation);

    /** Removes the keys of an invocation; keys this store does not hold are ignored. */
    void delete(String invocation, Collection<String> keys);

    @Override
    void close();
}
