package io.faasflow.topology.expr;

/** The comparison operators, with their source symbols. */
public enum ComparisonOperator {
    EQUAL("=="),
    NOT_EQUAL("!="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in a condition, e.g. {@code <=}. */
    public String symbol() {
        return symbol;
    }

    /**
     * Compares two values. Equality works across all types (different types are never equal); ordering
     * works for two numbers or two strings only.
     *
     * @throws EvaluationException when ordering values of other types
     */
    public boolean apply(Value left, Value right) {
        return switch (this) {
            case EQUAL -> Values.equal(left, right);
            case NOT_EQUAL -> !Values.equal(left, right);
            case LESS -> Values.order(this, left, right) < 0;
            case LESS_OR_EQUAL -> Values.order(this, left, right) <= 0;
            case GREATER -> Values.order(this, left, right) > 0;
            case GREATER_OR_EQUAL -> Values.order(this, left, right) >= 0;
        };
    }
}
