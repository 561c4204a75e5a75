package io.faasflow.topology.expr;

/** The null value; all instances are equal. */
public record NullValue() implements Value {

    @Override
    public boolean truthy() {
        return false;
    }

    @Override
    public String typeName() {
        return "null";
    }
}
