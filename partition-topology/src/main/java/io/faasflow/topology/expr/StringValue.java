package io.faasflow.topology.expr;

import java.util.Objects;

/** A string value. */
public record StringValue(String value) implements Value {

    /** Rejects null. */
    public StringValue {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean truthy() {
        return !value.isEmpty();
    }

    @Override
    public String typeName() {
        return "string";
    }
}
