package io.faasflow.scheduler.runtime;

/**
 * A container died or stopped answering; the try it was running failed with it and may be retried on another
 * container.
 */
public class ContainerDiedException extends ContainerException {
    public ContainerDiedException(String message) {
        super(message);
    }

    public ContainerDiedException(String message, Throwable cause) {
        super(message, cause);
    }
}
