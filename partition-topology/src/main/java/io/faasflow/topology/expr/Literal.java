package io.faasflow.topology.expr;

import java.util.Objects;

/** A constant: number, string, boolean or null. */
public record Literal(Value value) implements Expression {

    /** Validates the value: a number literal must be finite, so that it can be rendered. */
    public Literal {
        Objects.requireNonNull(value, "value");
        if (value instanceof NumberValue number && !Double.isFinite(number.value())) {
            throw new IllegalArgumentException("a number literal must be finite: " + number.value());
        }
    }

    @Override
    public Value evaluate(DataLookup lookup) {
        return value;
    }
}
