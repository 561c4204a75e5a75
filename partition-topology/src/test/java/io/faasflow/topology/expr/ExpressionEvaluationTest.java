package io.faasflow.topology.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionEvaluationTest {

    private final Map<String, byte[]> data = new HashMap<>();
    private final DataLookup lookup = DataLookup.of(data);

    private void store(String key, String text) {
        data.put(key, text.getBytes(StandardCharsets.UTF_8));
    }

    private Value evaluate(String condition) {
        return ExpressionParser.parse(condition).evaluate(lookup);
    }

    @ParameterizedTest(name = "stored {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "false|false",
        "False|false",
        "` False\t`|false",
        "true|true",
        "True|true",
        "0|false",
        "0.0|false",
        "-1.5|true",
        "null|false",
        "None|false",
        "`\"\"`|false",
        "`\"false\"`|true",
        "`\"x\"`|true",
        "hello|true",
        "``|false",
        "[]|true",
        "1 2|true",
    })
    void shouldDecodeStoredDataWhenJsonOrPythonSpelling(String stored, boolean truthy) {
        store("flag", stored);
        assertEquals(truthy, ExpressionParser.parse("INPUT.flag").test(lookup));
    }

    @Test
    void shouldDecodeScalarsWhenComparing() {
        store("n", "12.0");
        store("s", "\"abc\"");
        store("raw", "abc");
        store("b", "True");
        store("none", "None");
        assertTrue(evaluate("INPUT.n == 12").truthy());
        assertTrue(evaluate("INPUT.n > 11.5 and INPUT.n <= 12").truthy());
        assertTrue(evaluate("INPUT.s == INPUT.raw").truthy());
        assertTrue(evaluate("INPUT.s < 'abd'").truthy());
        assertTrue(evaluate("INPUT.b == true").truthy());
        assertTrue(evaluate("INPUT.none == null").truthy());
        assertFalse(evaluate("INPUT.none != None").truthy());
    }

    @Test
    void shouldThrowMissingDataWhenKeyAbsent() {
        MissingDataException error = assertThrows(MissingDataException.class, () -> evaluate("INPUT.split"));
        assertEquals("split", error.key());
        assertThrows(MissingDataException.class, () -> evaluate("not INPUT.split"));
    }

    @Test
    void shouldShortCircuitWhenLeftDecides() {
        assertEquals(Value.FALSE, evaluate("false and INPUT.missing"));
        assertEquals(Value.TRUE, evaluate("1 or INPUT.missing"));
        assertThrows(MissingDataException.class, () -> evaluate("true and INPUT.missing"));
    }

    @Test
    void shouldReturnBooleanWhenAndOrCombineNonBooleans() {
        assertEquals(Value.TRUE, evaluate("'x' and 3"));
        assertEquals(Value.FALSE, evaluate("'' or 0"));
        assertEquals(Value.TRUE, evaluate("not null"));
    }

    @Test
    void shouldCompareAcrossTypesWhenEquality() {
        assertEquals(Value.FALSE, evaluate("1 == '1'"));
        assertEquals(Value.TRUE, evaluate("1 != '1'"));
        assertEquals(Value.FALSE, evaluate("true == 1"));
        assertEquals(Value.FALSE, evaluate("null == 0"));
        assertEquals(Value.TRUE, evaluate("1 == 1.0"));
        assertEquals(Value.TRUE, evaluate("'b' >= 'a'"));
        assertEquals(Value.TRUE, evaluate("-2 < -1.5"));
    }

    @Test
    void shouldThrowEvaluationExceptionWhenOrderingIncompatibleTypes() {
        EvaluationException error = assertThrows(EvaluationException.class, () -> evaluate("1 < 'a'"));
        assertTrue(error.getMessage().contains("number") && error.getMessage().contains("string"),
                error.getMessage());
        assertThrows(EvaluationException.class, () -> evaluate("true > false"));
        assertThrows(EvaluationException.class, () -> evaluate("null <= null"));
    }

    @Test
    void shouldBeTrueWhenDefault() {
        assertTrue(ExpressionParser.parse("default").test(key -> {
            throw new AssertionError("default reads nothing");
        }));
        assertEquals(Set.of(), ExpressionParser.parse("default").dataKeys());
    }

    @Test
    void shouldListSortedKeysWhenReadingSeveral() {
        assertEquals(Set.of("a", "b", "z"),
                ExpressionParser.parse("INPUT.z == INPUT.a or not (INPUT.b and INPUT.a)").dataKeys());
    }

    @Test
    void shouldRejectDefaultWhenNestedProgrammatically() {
        assertThrows(IllegalArgumentException.class, () -> new Not(new DefaultCondition()));
        assertThrows(IllegalArgumentException.class, () -> new DataReference("a.b"));
        assertThrows(IllegalArgumentException.class, () -> new Literal(Value.of(Double.NaN)));
    }
}
