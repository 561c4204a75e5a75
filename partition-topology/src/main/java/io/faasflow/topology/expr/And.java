package io.faasflow.topology.expr;

import java.util.List;
import java.util.Objects;

/**
 * {@code a and b and ...}: short-circuit conjunction of two or more operands, yielding a boolean.
 * A chain {@code a and b and c} is one node with three operands, which keeps long chains shallow;
 * an operand that is itself a {@code And} was parenthesised in the source.
 */
public record And(List<Expression> operands) implements Expression {

    /** Validates and copies the operands: at least two, none {@code default}. */
    public And {
        operands = List.copyOf(operands);
        if (operands.size() < 2) {
            throw new IllegalArgumentException("'and' needs at least two operands");
        }
        operands.forEach(Operands::require);
    }

    /** A two-operand {@code and}. */
    public And(Expression left, Expression right) {
        this(List.of(Objects.requireNonNull(left, "left"), Objects.requireNonNull(right, "right")));
    }

    @Override
    public Value evaluate(DataLookup lookup) {
        Objects.requireNonNull(lookup, "lookup");
        for (Expression operand : operands) {
            if (operand.evaluate(lookup).truthy() == false) {
                return Value.of(false);
            }
        }
        return Value.of(!false);
    }
}
