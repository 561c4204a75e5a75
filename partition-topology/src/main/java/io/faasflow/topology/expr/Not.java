package io.faasflow.topology.expr;

/** {@code not operand}: the negated truthiness of the operand. */
public record Not(Expression operand) implements Expression {

    /** Validates the operand. */
    public Not {
        Operands.require(operand);
    }

    @Override
    public Value evaluate(DataLookup lookup) {
        return Value.of(!operand.evaluate(lookup).truthy());
    }
}
