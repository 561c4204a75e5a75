package io.faasflow.scheduler.runtime;

/**
 * A container gave no answer within the time allowed. It may still be working, so it is treated as dead: the
 * pool closes it. Distinct from its parent so that a caller can report a timeout rather than a crash.
 */
public class ContainerTimeoutException extends ContainerDiedException {
    public ContainerTimeoutException(String message) {
        super(message);
    }

    public ContainerTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
