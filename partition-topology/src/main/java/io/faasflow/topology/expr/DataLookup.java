package io.faasflow.topology.expr;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads the stored data of the current invocation for a condition's {@code INPUT.key} references. */
@FunctionalInterface
public interface DataLookup {

    /** The stored bytes of data key {@code key} of the current invocation, empty if absent. */
    Optional<byte[]> read(String key);

    /** A lookup backed by a map from data key to stored bytes. */
    static DataLookup of(Map<String, byte[]> data) {
        Objects.requireNonNull(data, "data");
        return key -> Optional.ofNullable(data.get(key));
    }
}
