package io.faasflow.ingress;

/** Something the request needs is temporarily missing (Kafka unreachable, no node registered yet); retry later. */
public final class UnavailableException extends IngressException {

    public UnavailableException(String message) {
        super(message, true, null);
    }

    public UnavailableException(String message, Throwable cause) {
        super(message, true, cause);
    }

    @Override
    public String type() {
        return "Unavailable";
    }
}
