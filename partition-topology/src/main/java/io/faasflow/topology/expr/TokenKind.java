package io.faasflow.topology.expr;

/** The kinds of tokens of the condition language. */
enum TokenKind {
    LEFT_PAREN, RIGHT_PAREN, NUMBER, STRING, TRUE, FALSE, NULL, DEFAULT, REFERENCE,
    AND, OR, NOT, EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, END;

    /** The comparison operator of this token, or null when it is none. */
    ComparisonOperator comparison() {
        return switch (this) {
            case EQUAL -> ComparisonOperator.EQUAL;
            case NOT_EQUAL -> ComparisonOperator.NOT_EQUAL;
            case LESS -> ComparisonOperator.LESS;
            case LESS_OR_EQUAL -> ComparisonOperator.LESS_OR_EQUAL;
            case GREATER -> ComparisonOperator.GREATER;
            case GREATER_OR_EQUAL -> ComparisonOperator.GREATER_OR_EQUAL;
            default -> null;
        };
    }
}
