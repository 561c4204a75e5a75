package io.faasflow.scheduler.state;

/** Where one hosted function of one invocation stands on its node. */
public enum FunctionStatus {
    WAITING,
    RUNNING,
    SUCCEEDED,
    FAILED
}
