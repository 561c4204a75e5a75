package io.faasflow.topology.expr;

/** Equality and ordering of values for comparisons. */
final class Values {

    private Values() {
    }

    static boolean equal(Value left, Value right) {
        if (left instanceof NumberValue a && right instanceof NumberValue b) {
            return a.value() == b.value();
        }
        return left.equals(right);
    }

    static int order(ComparisonOperator operator, Value left, Value right) {
        if (left instanceof NumberValue a && right instanceof NumberValue b) {
            return Double.compare(a.value(), b.value());
        }
        if (left instanceof StringValue a && right instanceof StringValue b) {
            return a.value().compareTo(b.value());
        }
        throw new EvaluationException("cannot order " + left.typeName() + " and " + right.typeName()
                + " with '" + operator.symbol() + "' (only two numbers or two strings can be ordered)");
    }
}
