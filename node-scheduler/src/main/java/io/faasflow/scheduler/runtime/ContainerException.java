package io.faasflow.scheduler.runtime;

/** A container could not do what was asked of it. The message names the container and what went wrong. */
public class ContainerException extends RuntimeException {
    public ContainerException(String message) {
        super(message);
    }

    public ContainerException(String message, Throwable cause) {
        super(message, cause);
    }
}
