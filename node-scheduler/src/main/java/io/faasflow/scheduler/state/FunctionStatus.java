package io.faasflow.scheduler.state;

/** Where one hosted function of one invocation stands on its node. */
public enum FunctionStatus {
    WAITING,
    RUNNING,
    SUCCEEDED,
    /** Not run: no parent ran this way (untaken switch branch). */
    SKIPPED,
    FAILED
}
