package io.faasflow.topology.expr;

/**
 * A syntax error in a condition, located at the 0-based char offset of the offending token or char
 * (the text length when input ended too early).
 */
public final class ExpressionException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_QUOTED = 120;

    private final int position;
    private final String text;

    /** Creates the exception; the message reads {@code "<problem> at position <n> in '<text>'"}. */
    public ExpressionException(String problem, int position, String text) {
        super(problem + " at position " + position + " in '" + abbreviate(text) + "'");
        this.position = position;
        this.text = text;
    }

    /** The 0-based char offset of the error, between 0 and {@code text().length()} inclusive. */
    public int position() {
        return position;
    }

    /** The whole condition text. */
    public String text() {
        return text;
    }

    static String abbreviate(String text) {
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...";
    }
}
