package io.faasflow.topology.expr;

import java.math.BigDecimal;
import java.util.List;

/** Renders expressions canonically, parenthesising only where precedence requires it. */
final class Renderer {

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int COMPARISON = 4;
    private static final int PRIMARY = 5;

    private Renderer() {
    }

    static String render(Expression expression) {
        StringBuilder out = new StringBuilder();
        append(out, expression, OR);
        return out.toString();
    }

    private static void append(StringBuilder out, Expression expression, int minPrecedence) {
        boolean parenthesise = precedence(expression) < minPrecedence;
        if (parenthesise) {
            out.append('(');
        }
        switch (expression) {
            case Or(List<Expression> operands) -> chain(out, operands, " or ", OR);
            case And(List<Expression> operands) -> chain(out, operands, " and ", AND);
            case Not(Expression operand) -> {
                out.append("not ");
                append(out, operand, NOT);
            }
            case Comparison(ComparisonOperator operator, Expression left, Expression right) -> {
                append(out, left, PRIMARY);
                out.append(' ').append(operator.symbol()).append(' ');
                append(out, right, PRIMARY);
            }
            case Literal(Value value) -> out.append(literal(value));
            case DataReference(String key) -> out.append("INPUT.").append(key);
            case DefaultCondition() -> out.append("default");
        }
        if (parenthesise) {
            out.append(')');
        }
    }

    /** An operand of the same kind as the chain was parenthesised, so it needs parentheses again. */
    private static void chain(StringBuilder out, List<Expression> operands, String word, int level) {
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(word);
            }
            append(out, operands.get(i), level + 1);
        }
    }

    private static int precedence(Expression expression) {
        return switch (expression) {
            case Or or -> OR;
            case And and -> AND;
            case Not not -> NOT;
            case Comparison comparison -> COMPARISON;
            case Literal literal -> PRIMARY;
            case DataReference reference -> PRIMARY;
            case DefaultCondition condition -> PRIMARY;
        };
    }

    static String literal(Value value) {
        return switch (value) {
            case NullValue n -> "null";
            case BooleanValue b -> Boolean.toString(b.value());
            case NumberValue n -> number(n.value());
            case StringValue s -> quote(s.value());
        };
    }

    /** Plain decimal digits (no exponent) that parse back to the same double. */
    private static String number(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
