package io.faasflow.scheduler.intake;

import io.faasflow.topology.wire.InvocationRecord;

/**
 * An invocation record that names a workflow and an id but cannot run as sent (an input over a limit, say): its
 * invocation ends FAILED with this message, so whoever waits for it hears why.
 */
public final class InvalidInvocationException extends RuntimeException {
    private final transient InvocationRecord invocation;

    public InvalidInvocationException(InvocationRecord invocation, String message) {
        super(message, null, false, false);
        this.invocation = invocation;
    }

    /** The record, with its id (the one it had, or the one named after its place in Kafka). */
    public InvocationRecord invocation() {
        return invocation;
    }
}
