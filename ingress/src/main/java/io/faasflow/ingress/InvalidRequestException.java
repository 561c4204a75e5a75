package io.faasflow.ingress;

/** A request the ingress cannot accept as sent: a malformed body or an unknown parameter value. */
public class InvalidRequestException extends IngressException {
    private final String field;

    /**
     * @param field what is at fault, e.g. {@code body} or {@code placement}
     * @param message what is wrong with it
     */
    public InvalidRequestException(String field, String message) {
        super(field + ": " + message, false, null);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public String type() {
        return "BadRequest";
    }
}
