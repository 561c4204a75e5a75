package io.faasflow.topology.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faasflow.topology.expr.Expression;
import io.faasflow.topology.expr.ExpressionException;
import io.faasflow.topology.expr.ExpressionParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The switch expression parser on generated text: token soup of its own grammar and arbitrary characters. It
 * returns an expression that renders and parses back to itself, or throws {@link ExpressionException}.
 */
class ExpressionParserFuzzTest {
    private static final String[] TOKENS = {"INPUT", ".", "x", "a_1", "==", "!=", "<", "<=", ">", ">=", "and", "or",
        "not", "(", ")", "'", "\"", "'s'", "\"t\"", "1", "-2.5", "1e309", "true", "false", "null", "default", " ",
        "\\", "\u0000", "(((((", ")))))", "fn.key", "99999999999999999999999"};

    @Property(tries = 10_000, seed = "20261202")
    void parserThrowsOnlyExpressionErrors(@ForAll("conditions") String text) {
        Expression parsed;
        try {
            parsed = ExpressionParser.parse(text);
        } catch (ExpressionException e) {
            return;
        }
        assertEquals(parsed, ExpressionParser.parse(parsed.render()), text);
    }

    @Provide
    Arbitrary<String> conditions() {
        Arbitrary<String> soup = Arbitraries.of(TOKENS).list().ofMaxSize(30).map(tokens -> String.join(" ", tokens));
        Arbitrary<String> glued = Arbitraries.of(TOKENS).list().ofMaxSize(30).map(tokens -> String.join("", tokens));
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(80);
        Arbitrary<String> deep = Arbitraries.integers().between(150, 3000).map(n -> "(".repeat(n) + "true" + ")".repeat(n));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, soup), net.jqwik.api.Tuple.of(3, glued),
                net.jqwik.api.Tuple.of(2, any), net.jqwik.api.Tuple.of(1, deep));
    }
}
