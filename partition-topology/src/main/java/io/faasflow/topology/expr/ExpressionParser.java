package io.faasflow.topology.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses switch conditions. Grammar, lowest precedence first:
 *
 * <pre>
 * condition  := 'default' | or
 * or         := and ('or' and)*      (one n-ary node per chain)
 * and        := not ('and' not)*     (one n-ary node per chain)
 * not        := 'not' not | comparison
 * comparison := primary (('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') primary)?
 * primary    := number | string | true | false | True | False | null | None
 *             | 'INPUT.' key | '(' or ')'
 * </pre>
 *
 * <p>Comparisons do not chain. Parentheses and {@code not} together nest at most {@value #MAX_DEPTH}
 * deep. Every syntax error is an {@link ExpressionException}; nothing else is thrown.
 */
public final class ExpressionParser {

    /** The deepest allowed nesting of parentheses and {@code not}. */
    public static final int MAX_DEPTH = 200;

    private final String text;
    private final Lexer lexer;
    private Token current;
    private int depth;

    private ExpressionParser(String text) {
        this.text = text;
        this.lexer = new Lexer(text);
    }

    /**
     * Parses a condition.
     *
     * @throws ExpressionException on any syntax error (also for a null text)
     */
    public static Expression parse(String text) {
        if (text == null) {
            throw new ExpressionException("condition text is null", 0, "");
        }
        return new ExpressionParser(text).condition();
    }

    private Expression condition() {
        advance();
        if (current.kind() == TokenKind.DEFAULT) {
            advance();
            if (current.kind() != TokenKind.END) {
                throw error("'default' must be the whole condition, found " + current.describe());
            }
            return new DefaultCondition();
        }
        Expression expression = or();
        if (current.kind() != TokenKind.END) {
            throw error("expected end of input but found " + current.describe());
        }
        return expression;
    }

    private Expression or() {
        Expression first = and();
        if (current.kind() != TokenKind.OR) {
            return first;
        }
        List<Expression> operands = new ArrayList<>();
        operands.add(first);
        while (current.kind() == TokenKind.OR) {
            advance();
            operands.add(and());
        }
        return new Or(operands);
    }

    private Expression and() {
        Expression first = not();
        if (current.kind() != TokenKind.AND) {
            return first;
        }
        List<Expression> operands = new ArrayList<>();
        operands.add(first);
        while (current.kind() == TokenKind.AND) {
            advance();
            operands.add(not());
        }
        return new And(operands);
    }

    private Expression not() {
        if (current.kind() != TokenKind.NOT) {
            return comparison();
        }
        enter();
        advance();
        Expression operand = not();
        depth--;
        return new Not(operand);
    }

    private Expression comparison() {
        Expression left = primary();
        ComparisonOperator operator = current.kind().comparison();
        if (operator == null) {
            return left;
        }
        advance();
        Expression right = primary();
        if (current.kind().comparison() != null) {
            throw error("comparisons cannot be chained; use parentheses or 'and'");
        }
        return new Comparison(operator, left, right);
    }

    private Expression primary() {
        Token token = current;
        return switch (token.kind()) {
            case NUMBER -> {
                double value = number(token);
                advance();
                yield new Literal(new NumberValue(value));
            }
            case STRING -> {
                advance();
                yield new Literal(new StringValue(token.payload()));
            }
            case TRUE, FALSE -> {
                advance();
                yield new Literal(Value.of(token.kind() == TokenKind.TRUE));
            }
            case NULL -> {
                advance();
                yield new Literal(Value.NULL);
            }
            case REFERENCE -> {
                advance();
                yield new DataReference(token.payload());
            }
            case LEFT_PAREN -> parenthesised();
            case DEFAULT -> throw error("'default' is only allowed as the whole condition");
            default -> throw error("expected a value but found " + token.describe());
        };
    }

    private Expression parenthesised() {
        enter();
        advance();
        Expression inner = or();
        if (current.kind() != TokenKind.RIGHT_PAREN) {
            throw error("expected ')' but found " + current.describe());
        }
        advance();
        depth--;
        return inner;
    }

    private double number(Token token) {
        double value;
        try {
            value = Double.parseDouble(token.payload());
        } catch (NumberFormatException malformed) {
            throw error("malformed number " + token.describe());
        }
        if (!Double.isFinite(value)) {
            throw error("number out of range " + token.describe());
        }
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private void advance() {
        current = lexer.next();
    }

    private ExpressionException error(String problem) {
        return new ExpressionException(problem, current.position(), text);
    }
}
