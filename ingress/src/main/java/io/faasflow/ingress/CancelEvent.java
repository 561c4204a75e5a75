package io.faasflow.ingress;

/**
 * The value of a cancel record on the {@code function-events} topic: {@code {"kind":"cancel","invocation":id}}.
 * Every node receives one; the node that owns the invocation stops it and publishes a CANCELLED result.
 *
 * @param kind always {@value #KIND}, the event type node schedulers dispatch on
 * @param invocation id of the invocation to stop
 */
public record CancelEvent(String kind, String invocation) {
    /** The {@code kind} of every cancel event. */
    public static final String KIND = "cancel";

    public CancelEvent {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("a cancel event has kind '" + KIND + "'; got '" + kind + "'");
        }
    }

    /** The cancel event of invocation {@code id}. */
    public static CancelEvent of(String id) {
        return new CancelEvent(KIND, id);
    }
}
