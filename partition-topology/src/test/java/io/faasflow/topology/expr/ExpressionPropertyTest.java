package io.faasflow.topology.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpressionPropertyTest {

    private static final String GARBAGE_CHARS = "()=!<>'\"\\. _-aAINPUTnotandorrueFalsNe0123456789\t";

    @Test
    void shouldRoundTripWhenRenderingRandomTrees() {
        Random random = new Random(20240611L);
        RandomExpressions generator = new RandomExpressions(random);
        for (int i = 0; i < 2000; i++) {
            Expression original = generator.condition();
            String rendered = original.render();
            Expression reparsed = ExpressionParser.parse(rendered);
            assertEquals(original, reparsed, rendered);
            assertEquals(rendered, reparsed.render());
            assertEquals(original.dataKeys(), reparsed.dataKeys());
            DataLookup lookup = randomLookup(random, generator);
            assertEquals(outcome(original, lookup), outcome(reparsed, lookup), rendered);
        }
    }

    @Test
    void shouldOnlyThrowPositionedExpressionExceptionWhenParsingGarbage() {
        Random random = new Random(7L);
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(61);
            for (int j = 0; j < length; j++) {
                text.append(GARBAGE_CHARS.charAt(random.nextInt(GARBAGE_CHARS.length())));
            }
            checkParseIsSafe(text.toString());
        }
    }

    @Test
    void shouldOnlyThrowPositionedExpressionExceptionWhenParsingMutatedExpressions() {
        Random random = new Random(99L);
        RandomExpressions generator = new RandomExpressions(random);
        for (int i = 0; i < 5000; i++) {
            String text = generator.condition().render();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                text = mutate(random, text);
            }
            checkParseIsSafe(text);
        }
    }

    private static void checkParseIsSafe(String text) {
        try {
            Expression parsed = ExpressionParser.parse(text);
            assertEquals(parsed, ExpressionParser.parse(parsed.render()), text);
        } catch (ExpressionException error) {
            assertTrue(error.position() >= 0 && error.position() <= text.length(),
                    () -> "position " + error.position() + " outside '" + text + "'");
            assertEquals(text, error.text());
        } catch (RuntimeException | StackOverflowError unexpected) {
            fail("unexpected " + unexpected + " for '" + text + "'", unexpected);
        }
    }

    private static String mutate(Random random, String text) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        char c = GARBAGE_CHARS.charAt(random.nextInt(GARBAGE_CHARS.length()));
        return switch (random.nextInt(5)) {
            case 0 -> text.substring(0, at) + c + text.substring(at);
            case 1 -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
            case 2 -> at < text.length() ? text.substring(0, at) + c + text.substring(at + 1) : text + c;
            case 3 -> text.substring(0, at);
            default -> text.substring(0, at) + text.substring(at / 2);
        };
    }

    private static DataLookup randomLookup(Random random, RandomExpressions generator) {
        Map<String, byte[]> data = new HashMap<>();
        for (String key : RandomExpressions.KEYS) {
            if (random.nextInt(10) != 0) {
                data.put(key, generator.storedText().getBytes(StandardCharsets.UTF_8));
            }
        }
        return DataLookup.of(data);
    }

    private static String outcome(Expression expression, DataLookup lookup) {
        try {
            return "value " + expression.evaluate(lookup);
        } catch (MissingDataException | EvaluationException error) {
            return error.getClass().getSimpleName() + ": " + error.getMessage();
        }
    }
}
