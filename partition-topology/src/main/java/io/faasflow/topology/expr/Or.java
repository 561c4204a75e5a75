package io.faasflow.topology.expr;

import java.util.List;
import java.util.Objects;

/**
 * {@code a or b or ...}: short-circuit disjunction of two or more operands, yielding a boolean.
 * A chain {@code a or b or c} is one node with three operands, which keeps long chains shallow;
 * an operand that is itself a {@code Or} was parenthesised in the source.
 */
public record Or(List<Expression> operands) implements Expression {

    /** Validates and copies the operands: at least two, none {@code default}. */
    public Or {
        operands = List.copyOf(operands);
        if (operands.size() < 2) {
            throw new IllegalArgumentException("'or' needs at least two operands");
        }
        operands.forEach(Operands::require);
    }

    /** A two-operand {@code or}. */
    public Or(Expression left, Expression right) {
        this(List.of(Objects.requireNonNull(left, "left"), Objects.requireNonNull(right, "right")));
    }

    @Override
    public Value evaluate(DataLookup lookup) {
        Objects.requireNonNull(lookup, "lookup");
        for (Expression operand : operands) {
            if (operand.evaluate(lookup).truthy() == true) {
                return Value.of(true);
            }
        }
        return Value.of(!true);
    }
}
