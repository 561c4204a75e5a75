package io.faasflow.scheduler.runtime;

/** A cold start failed: the container did not start, did not become ready, or refused {@code /init}. */
public class ContainerStartException extends ContainerException {
    public ContainerStartException(String message) {
        super(message);
    }

    public ContainerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
