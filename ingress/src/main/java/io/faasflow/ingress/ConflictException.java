package io.faasflow.ingress;

/** The request cannot be served in the current state of the workflow (e.g. replan before any observation). */
public final class ConflictException extends IngressException {

    public ConflictException(String message) {
        super(message, false, null);
    }

    @Override
    public String type() {
        return "Conflict";
    }
}
