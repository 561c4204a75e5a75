package io.faasflow.topology.expr;

/** A number value; negative zero is normalised to zero. */
public record NumberValue(double value) implements Value {

    /** Normalises {@code -0.0} to {@code 0.0} so that equal numbers are equal records. */
    public NumberValue {
        if (value == 0.0) {
            value = 0.0;
        }
    }

    @Override
    public boolean truthy() {
        return value != 0.0;
    }

    @Override
    public String typeName() {
        return "number";
    }
}
