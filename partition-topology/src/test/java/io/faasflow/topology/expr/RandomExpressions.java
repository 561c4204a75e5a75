package io.faasflow.topology.expr;

import java.util.List;
import java.util.Random;

/** Generates random well-formed expression trees and random stored data for property tests. */
final class RandomExpressions {

    static final List<String> KEYS = List.of("a", "b", "split", "illegal_flag", "_k9");
    private static final String STRING_CHARS = "ab Z_'\"\\()=<>!.-0129é\t";

    private final Random random;

    RandomExpressions(Random random) {
        this.random = random;
    }

    Expression condition() {
        return random.nextInt(20) == 0 ? new DefaultCondition() : expression(5);
    }

    Expression expression(int depth) {
        int choice = depth <= 0 ? random.nextInt(3) : random.nextInt(8);
        return switch (choice) {
            case 0 -> new Literal(value());
            case 1, 2 -> new DataReference(KEYS.get(random.nextInt(KEYS.size())));
            case 3 -> new Not(expression(depth - 1));
            case 4 -> new And(expression(depth - 1), expression(depth - 1));
            case 5 -> new Or(expression(depth - 1), expression(depth - 1));
            default -> new Comparison(operator(), expression(depth - 1), expression(depth - 1));
        };
    }

    private ComparisonOperator operator() {
        ComparisonOperator[] operators = ComparisonOperator.values();
        return operators[random.nextInt(operators.length)];
    }

    Value value() {
        return switch (random.nextInt(6)) {
            case 0 -> Value.NULL;
            case 1 -> Value.of(random.nextBoolean());
            case 2 -> Value.of(random.nextInt(21) - 10);
            case 3 -> Value.of(number());
            case 4 -> Value.of(text());
            default -> Value.of(random.nextInt(3) - 1.5);
        };
    }

    private double number() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt() / 100.0;
            case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            case 2 -> random.nextBoolean() ? Double.MAX_VALUE : -Double.MIN_VALUE;
            default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
        };
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            out.append(STRING_CHARS.charAt(random.nextInt(STRING_CHARS.length())));
        }
        return out.toString();
    }

    /** Stored text for a data key, in JSON, Python or raw spelling. */
    String storedText() {
        return switch (random.nextInt(10)) {
            case 0 -> "true";
            case 1 -> "False";
            case 2 -> "None";
            case 3 -> "null";
            case 4 -> Integer.toString(random.nextInt(5) - 2);
            case 5 -> Double.toString(random.nextInt(9) / 4.0);
            case 6 -> "\"" + text().replace("\\", "").replace("\"", "") + "\"";
            case 7 -> "";
            default -> text();
        };
    }
}
