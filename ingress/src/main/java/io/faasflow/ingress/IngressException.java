package io.faasflow.ingress;

/**
 * Root of the errors the ingress reports to its clients. Each subclass carries the thing at fault as fields and
 * says whether retrying the same request may succeed.
 */
public abstract class IngressException extends RuntimeException {
    private final boolean retryable;

    protected IngressException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** A short machine-readable kind reported as {@code type}, e.g. {@code NotFound}. */
    public abstract String type();

    /** Whether the same request may succeed later without change. */
    public boolean retryable() {
        return retryable;
    }
}
