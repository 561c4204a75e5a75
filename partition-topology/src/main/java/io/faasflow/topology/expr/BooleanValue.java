package io.faasflow.topology.expr;

/** A boolean value. */
public record BooleanValue(boolean value) implements Value {

    @Override
    public boolean truthy() {
        return value;
    }

    @Override
    public String typeName() {
        return "boolean";
    }
}
