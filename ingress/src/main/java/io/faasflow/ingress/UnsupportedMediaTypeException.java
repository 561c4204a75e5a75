package io.faasflow.ingress;

/** A request body of a content type the endpoint does not take; the message lists those it does. Answered 415. */
public final class UnsupportedMediaTypeException extends InvalidRequestException {

    public UnsupportedMediaTypeException(String message) {
        super("Content-Type", message);
    }

    @Override
    public String type() {
        return "UnsupportedMediaType";
    }
}
