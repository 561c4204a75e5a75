package io.faasflow.ingress;

/** A request, or the record it would make, is over a size limit; the message names the limit. Answered 413. */
public final class PayloadTooLargeException extends InvalidRequestException {

    /**
     * @param field what is too large, e.g. {@code body}
     * @param message by how much, naming the limit
     */
    public PayloadTooLargeException(String field, String message) {
        super(field, message);
    }

    @Override
    public String type() {
        return "PayloadTooLarge";
    }
}
