package io.faasflow.topology.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

    private static Literal number(double value) {
        return new Literal(Value.of(value));
    }

    @Test
    void shouldParseDataReferenceWhenConditionIsInputKey() {
        assertEquals(new DataReference("illegal_flag"), ExpressionParser.parse("INPUT.illegal_flag"));
        assertEquals(Set.of("split"), ExpressionParser.parse("INPUT.split").dataKeys());
    }

    @Test
    void shouldParseDefaultWhenItIsTheWholeCondition() {
        assertEquals(new DefaultCondition(), ExpressionParser.parse("  default "));
    }

    @Test
    void shouldParseNumbersWhenIntegerDecimalOrNegative() {
        assertEquals(number(42), ExpressionParser.parse("42"));
        assertEquals(number(-3.25), ExpressionParser.parse("-3.25"));
        assertEquals(number(0), ExpressionParser.parse("-0"));
    }

    @Test
    void shouldParseStringsWhenQuotedAndEscaped() {
        assertEquals(new Literal(Value.of("it's")), ExpressionParser.parse("'it\\'s'"));
        assertEquals(new Literal(Value.of("a\"b\\c")), ExpressionParser.parse("\"a\\\"b\\\\c\""));
        assertEquals(new Literal(Value.of("")), ExpressionParser.parse("''"));
    }

    @Test
    void shouldParseBooleanAndNullWhenPythonOrJsonSpelling() {
        assertEquals(new Literal(Value.TRUE), ExpressionParser.parse("True"));
        assertEquals(new Literal(Value.TRUE), ExpressionParser.parse("true"));
        assertEquals(new Literal(Value.FALSE), ExpressionParser.parse("False"));
        assertEquals(new Literal(Value.FALSE), ExpressionParser.parse("false"));
        assertEquals(new Literal(Value.NULL), ExpressionParser.parse("None"));
        assertEquals(new Literal(Value.NULL), ExpressionParser.parse("null"));
    }

    @Test
    void shouldParseEveryComparisonOperatorWhenBetweenPrimaries() {
        for (ComparisonOperator operator : ComparisonOperator.values()) {
            Expression parsed = ExpressionParser.parse("INPUT.a" + operator.symbol() + "1");
            assertEquals(new Comparison(operator, new DataReference("a"), number(1)), parsed);
        }
    }

    @Test
    void shouldBindNotLooserThanComparisonWhenNotPrecedesComparison() {
        Expression expected = new Not(new Comparison(ComparisonOperator.EQUAL,
                new DataReference("a"), new DataReference("b")));
        assertEquals(expected, ExpressionParser.parse("not INPUT.a == INPUT.b"));
    }

    @Test
    void shouldBindAndTighterThanOrWhenMixed() {
        Expression a = new DataReference("a");
        Expression b = new DataReference("b");
        Expression c = new DataReference("c");
        assertEquals(new Or(a, new And(b, c)), ExpressionParser.parse("INPUT.a or INPUT.b and INPUT.c"));
        assertEquals(new Or(new And(a, b), c), ExpressionParser.parse("INPUT.a and INPUT.b or INPUT.c"));
        assertEquals(new And(new Or(a, b), c), ExpressionParser.parse("(INPUT.a or INPUT.b) and INPUT.c"));
    }

    @Test
    void shouldBuildOneNodeWhenChainingOr() {
        Expression a = new DataReference("a");
        Expression b = new DataReference("b");
        Expression c = new DataReference("c");
        assertEquals(new Or(List.of(a, b, c)), ExpressionParser.parse("INPUT.a or INPUT.b or INPUT.c"));
        Expression grouped = ExpressionParser.parse("INPUT.a or (INPUT.b or INPUT.c)");
        assertEquals(new Or(a, new Or(b, c)), grouped);
        assertEquals("INPUT.a or (INPUT.b or INPUT.c)", grouped.render());
    }

    @Test
    void shouldAllowNestedNotWhenRepeated() {
        assertEquals(new Not(new Not(new Literal(Value.TRUE))), ExpressionParser.parse("not not true"));
    }

    @Test
    void shouldRenderCanonicallyWhenParsed() {
        assertEquals("INPUT.a == 1 and not (INPUT.b or \"x\\\"y\" < \"z\")",
                ExpressionParser.parse("INPUT.a==1.0 and not(INPUT.b or 'x\"y'<'z')").render());
        assertEquals("(1 == 2) == false", ExpressionParser.parse("((1 == 2)) == False").render());
        assertEquals("-0.5 != null", ExpressionParser.parse("-0.50 != None").render());
    }

    @ParameterizedTest(name = "{0} -> position {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "INPUT.|6",
        "INPUT.a ==|10",
        "(1|2",
        "1 2|2",
        "'unterminated|0",
        "a < b < c|0",
        "1 < 2 < 3|6",
        "INPUT.a < INPUT.b < INPUT.c|18",
        "default and true|8",
        "true and default|9",
        "(default)|1",
        "foo|0",
        "INPUT|5",
        "INPUT.a.b|7",
        "INPUT.9|6",
        "1 = 1|2",
        "1 ! 1|2",
        "And|0",
        "1.|2",
        "- 1|1",
        "'a\\n'|2",
        "1 == not 2|5",
        "not|3",
        "()|1",
        "1 @ 2|2",
        "''|-1",
    })
    void shouldReportPositionWhenSyntaxIsBad(String text, int position) {
        if (position < 0) {
            ExpressionParser.parse(text);
            return;
        }
        ExpressionException error = assertThrows(ExpressionException.class, () -> ExpressionParser.parse(text));
        assertEquals(position, error.position(), error.getMessage());
        assertEquals(text, error.text());
        assertTrue(error.getMessage().contains("at position " + position + " in '" + text + "'"),
                error.getMessage());
    }

    @Test
    void shouldReportExpectedParenWhenParenthesisIsUnclosed() {
        ExpressionException error = assertThrows(ExpressionException.class,
                () -> ExpressionParser.parse("INPUT.a == (1"));
        assertEquals("expected ')' but found end of input at position 13 in 'INPUT.a == (1'", error.getMessage());
    }

    @Test
    void shouldReportEmptyInputWhenTextIsBlankOrNull() {
        assertEquals(0, assertThrows(ExpressionException.class, () -> ExpressionParser.parse("")).position());
        assertEquals(3, assertThrows(ExpressionException.class, () -> ExpressionParser.parse("   ")).position());
        assertEquals(0, assertThrows(ExpressionException.class, () -> ExpressionParser.parse(null)).position());
    }

    @Test
    void shouldRejectDeepNestingWhenBeyondLimit() {
        String deep = "(".repeat(5000) + "1" + ")".repeat(5000);
        ExpressionException error = assertThrows(ExpressionException.class, () -> ExpressionParser.parse(deep));
        assertEquals(ExpressionParser.MAX_DEPTH, error.position());
        String nots = "not ".repeat(2500) + "1";
        assertEquals(ExpressionParser.MAX_DEPTH * 4,
                assertThrows(ExpressionException.class, () -> ExpressionParser.parse(nots)).position());
        String allowed = "(".repeat(ExpressionParser.MAX_DEPTH) + "1" + ")".repeat(ExpressionParser.MAX_DEPTH);
        assertEquals(number(1), ExpressionParser.parse(allowed));
    }

    @Test
    void shouldParseAndEvaluateWhenLongFlatChain() {
        String chain = "0 or ".repeat(2000) + "1";
        Expression parsed = ExpressionParser.parse(chain);
        assertTrue(parsed.test(key -> java.util.Optional.empty()));
        assertEquals(parsed, ExpressionParser.parse(parsed.render()));
    }

    @Test
    void shouldRejectHugeNumberWhenOutOfDoubleRange() {
        String huge = "1 == 1" + "0".repeat(400);
        assertEquals(5, assertThrows(ExpressionException.class, () -> ExpressionParser.parse(huge)).position());
    }
}
