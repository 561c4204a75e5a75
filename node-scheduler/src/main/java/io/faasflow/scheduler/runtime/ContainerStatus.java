package io.faasflow.scheduler.runtime;

/**
 * A container's answer to {@code GET /status}.
 *
 * @param state {@code "ready"} before {@code /init}, {@code "initialized"} after it
 * @param function the function it was initialised with; null before {@code /init}
 * @param runs runs served so far
 */
public record ContainerStatus(String state, String function, long runs) {
    public static final String READY = "ready";
    public static final String INITIALIZED = "initialized";

    /** Whether a function is loaded. */
    public boolean initialized() {
        return INITIALIZED.equals(state);
    }
}
