package io.faasflow.topology.expr;

/** {@code default}: the always-true fallback branch of a switch; only valid as a whole condition. */
public record DefaultCondition() implements Expression {

    @Override
    public Value evaluate(DataLookup lookup) {
        return Value.TRUE;
    }
}
