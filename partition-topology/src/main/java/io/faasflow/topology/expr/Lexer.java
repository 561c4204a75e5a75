package io.faasflow.topology.expr;

/** Splits condition text into tokens on demand, so that the leftmost error is reported first. */
final class Lexer {

    private static final String INPUT = "INPUT";

    private final String text;
    private int pos;

    Lexer(String text) {
        this.text = text;
    }

    Token next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            return new Token(TokenKind.END, "", "", start);
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '(' -> symbol(TokenKind.LEFT_PAREN, 1);
            case ')' -> symbol(TokenKind.RIGHT_PAREN, 1);
            case '=' -> symbol(TokenKind.EQUAL, requireEquals("'=' must be written '=='"));
            case '!' -> symbol(TokenKind.NOT_EQUAL, requireEquals("'!' must be followed by '='"));
            case '<' -> followedByEquals() ? symbol(TokenKind.LESS_OR_EQUAL, 2) : symbol(TokenKind.LESS, 1);
            case '>' -> followedByEquals() ? symbol(TokenKind.GREATER_OR_EQUAL, 2) : symbol(TokenKind.GREATER, 1);
            case '\'', '"' -> string(c);
            default -> {
                if (c == '-' || isDigit(c)) {
                    yield number();
                }
                if (isWordStart(c)) {
                    yield word();
                }
                throw error("unexpected character '" + c + "'", start);
            }
        };
    }

    private boolean followedByEquals() {
        return pos + 1 < text.length() && text.charAt(pos + 1) == '=';
    }

    private int requireEquals(String problem) {
        if (!followedByEquals()) {
            throw error(problem, pos);
        }
        return 2;
    }

    private Token symbol(TokenKind kind, int length) {
        int start = pos;
        pos += length;
        String lexeme = text.substring(start, pos);
        return new Token(kind, lexeme, lexeme, start);
    }

    private Token number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
            requireDigit("expected a digit after '-'");
        }
        skipDigits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            requireDigit("expected a digit after '.'");
            skipDigits();
        }
        String lexeme = text.substring(start, pos);
        return new Token(TokenKind.NUMBER, lexeme, lexeme, start);
    }

    private void requireDigit(String problem) {
        if (pos >= text.length() || !isDigit(text.charAt(pos))) {
            throw error(problem, pos);
        }
    }

    private void skipDigits() {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private Token string(char quote) {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string literal", start);
            }
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                return new Token(TokenKind.STRING, text.substring(start, pos), value.toString(), start);
            }
            if (c == '\\') {
                if (pos + 1 >= text.length()) {
                    throw error("unterminated string literal", start);
                }
                char escaped = text.charAt(pos + 1);
                if (escaped != '\\' && escaped != '\'' && escaped != '"') {
                    throw error("unsupported escape '\\" + escaped + "' (only \\\\, \\' and \\\" are allowed)", pos);
                }
                value.append(escaped);
                pos += 2;
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    private Token word() {
        int start = pos;
        skipWordChars();
        String word = text.substring(start, pos);
        TokenKind kind = switch (word) {
            case "and" -> TokenKind.AND;
            case "or" -> TokenKind.OR;
            case "not" -> TokenKind.NOT;
            case "true", "True" -> TokenKind.TRUE;
            case "false", "False" -> TokenKind.FALSE;
            case "null", "None" -> TokenKind.NULL;
            case "default" -> TokenKind.DEFAULT;
            case INPUT -> TokenKind.REFERENCE;
            default -> throw error("unknown identifier '" + ExpressionException.abbreviate(word) + "'", start);
        };
        return kind == TokenKind.REFERENCE ? reference(start) : new Token(kind, word, word, start);
    }

    private Token reference(int start) {
        if (pos >= text.length() || text.charAt(pos) != '.') {
            throw error("expected '.' after INPUT", pos);
        }
        pos++;
        if (pos >= text.length() || !isWordStart(text.charAt(pos))) {
            throw error("expected a data key after 'INPUT.'", pos);
        }
        int keyStart = pos;
        skipWordChars();
        if (pos < text.length() && text.charAt(pos) == '.') {
            throw error("a data reference has exactly one key after 'INPUT.'", pos);
        }
        return new Token(TokenKind.REFERENCE, text.substring(start, pos), text.substring(keyStart, pos), start);
    }

    private void skipWordChars() {
        while (pos < text.length() && (isWordStart(text.charAt(pos)) || isDigit(text.charAt(pos)))) {
            pos++;
        }
    }

    private ExpressionException error(String problem, int position) {
        return new ExpressionException(problem, position, text);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }
}
