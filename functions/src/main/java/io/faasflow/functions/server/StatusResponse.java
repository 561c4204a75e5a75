package io.faasflow.functions.server;

/**
 * Answer to {@code GET /status}.
 *
 * @param state {@value #READY} until a function is loaded, {@value #INITIALIZED} after
 * @param function the name of the function served; null before init
 * @param runs the runs completed so far, failed ones included
 */
public record StatusResponse(String state, String function, long runs) {
    /** Listening, no function loaded: {@code POST /init} next. */
    public static final String READY = "ready";
    /** A function is loaded: {@code POST /run} may come. */
    public static final String INITIALIZED = "initialized";

    /** Whether a function is loaded. */
    public boolean initialized() {
        return INITIALIZED.equals(state);
    }
}
