package io.faasflow.topology.wire;

/**
 * An invocation input that cannot be accepted: not a single valid JSON object, or over an {@link InputLimits} limit.
 * The message says what is wrong and where; {@link #violation()} names the limit when one was broken.
 */
public final class InputRejectedException extends RuntimeException {
    private final LimitViolation violation;

    InputRejectedException(String message) {
        super(message);
        this.violation = null;
    }

    InputRejectedException(LimitViolation violation) {
        super(violation.message());
        this.violation = violation;
    }

    /** The limit broken, or null when the input is malformed rather than too big. */
    public LimitViolation violation() {
        return violation;
    }
}
