package io.faasflow.topology.expr;

/**
 * One token: its kind, its source text, its payload (decoded string, data key, or number text) and its
 * 0-based position.
 */
record Token(TokenKind kind, String lexeme, String payload, int position) {

    /** How the token reads in an error message. */
    String describe() {
        return kind == TokenKind.END ? "end of input" : "'" + ExpressionException.abbreviate(lexeme) + "'";
    }
}
