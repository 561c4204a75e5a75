package io.faasflow.ingress;

/** The ingress cannot start: Kafka unreachable, or its topics do not fit the configured cluster. */
public final class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
