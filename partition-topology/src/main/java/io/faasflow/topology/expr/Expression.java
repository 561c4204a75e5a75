package io.faasflow.topology.expr;

import java.util.Set;

/**
 * A parsed switch condition of a workflow. Obtain one with {@link ExpressionParser#parse(String)}.
 *
 * <p>Evaluation never runs code: it only reads data keys through a {@link DataLookup} and combines scalar
 * {@link Value}s. {@link #render()} yields a canonical text which parses back to an equal expression,
 * provided the tree nests no deeper than the parser allows.
 */
public sealed interface Expression
        permits Or, And, Not, Comparison, Literal, DataReference, DefaultCondition {

    /**
     * Evaluates this expression.
     *
     * @throws MissingDataException when a referenced data key is absent
     * @throws EvaluationException when values of incompatible types are ordered
     */
    Value evaluate(DataLookup lookup);

    /** Evaluates this expression and returns the truthiness of the result. */
    default boolean test(DataLookup lookup) {
        return evaluate(lookup).truthy();
    }

    /** The canonical text of this expression, with the fewest parentheses needed. */
    default String render() {
        return Renderer.render(this);
    }

    /** The {@code INPUT} keys this expression reads, sorted. */
    default Set<String> dataKeys() {
        return DataKeys.of(this);
    }
}
