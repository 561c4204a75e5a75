package io.faasflow.topology.wire;

/** Life cycle of an invocation as reported to clients. */
public enum InvocationStatus {
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean finished() {
        return this != RUNNING;
    }
}
