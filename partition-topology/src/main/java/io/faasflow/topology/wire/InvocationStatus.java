package io.faasflow.topology.wire;

/** Life cycle of an invocation as reported to clients. */
public enum InvocationStatus {
    RUNNING,
    SUCCEEDED,
    /** A function failed after its last attempt (its error names it), or the invocation could not start. */
    FAILED,
    /** Stopped on request ({@code DELETE /invocations/{id}}). */
    CANCELLED,
    /** Did not finish within the invocation timeout. */
    TIMED_OUT;

    public boolean finished() {
        return this != RUNNING;
    }
}
