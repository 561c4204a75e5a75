package io.faasflow.ingress;

/**
 * The request cannot be served in the current state of the workflow or invocation (e.g. replan before any
 * observation, cancel of an invocation that already ended).
 */
public final class ConflictException extends IngressException {

    public ConflictException(String message) {
        super(message, false, null);
    }

    @Override
    public String type() {
        return "Conflict";
    }
}
