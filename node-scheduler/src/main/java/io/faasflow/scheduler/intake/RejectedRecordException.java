package io.faasflow.scheduler.intake;

/**
 * A record that cannot be handled as it is (a field missing or out of range, a function its deployment lacks),
 * found before anything was changed for it. The record goes to the dead letters; no invocation fails for it.
 */
public final class RejectedRecordException extends RuntimeException {
    public RejectedRecordException(String message) {
        super(message, null, false, false);
    }
}
