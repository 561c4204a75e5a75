package io.faasflow.topology.expr;

import java.util.Objects;

/** {@code left <operator> right}: a (non-associative) comparison yielding a boolean. */
public record Comparison(ComparisonOperator operator, Expression left, Expression right) implements Expression {

    /** Validates the operator and operands. */
    public Comparison {
        Objects.requireNonNull(operator, "operator");
        Operands.require(left);
        Operands.require(right);
    }

    @Override
    public Value evaluate(DataLookup lookup) {
        return Value.of(operator.apply(left.evaluate(lookup), right.evaluate(lookup)));
    }
}
