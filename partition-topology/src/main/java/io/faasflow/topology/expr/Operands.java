package io.faasflow.topology.expr;

import java.util.Objects;

/** Checks operands of composite expressions: non-null and never {@code default}. */
final class Operands {

    private Operands() {
    }

    static void require(Expression operand) {
        Objects.requireNonNull(operand, "operand");
        if (operand instanceof DefaultCondition) {
            throw new IllegalArgumentException("'default' is only allowed as a whole condition");
        }
    }
}
