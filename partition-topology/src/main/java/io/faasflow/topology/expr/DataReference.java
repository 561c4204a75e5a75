package io.faasflow.topology.expr;

import java.util.Objects;
import java.util.regex.Pattern;

/** {@code INPUT.key}: the stored value of data key {@code key} of the current invocation. */
public record DataReference(String key) implements Expression {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Validates the key against {@code [A-Za-z_][A-Za-z0-9_]*}. */
    public DataReference {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a data key: '" + key + "'");
        }
    }

    /**
     * Reads and decodes the stored bytes.
     *
     * @throws MissingDataException when the lookup has no data for the key
     */
    @Override
    public Value evaluate(DataLookup lookup) {
        Objects.requireNonNull(lookup, "lookup");
        var stored = lookup.read(key);
        if (stored == null || stored.isEmpty()) {
            throw new MissingDataException(key);
        }
        return StoredValueDecoder.decode(stored.get());
    }
}
