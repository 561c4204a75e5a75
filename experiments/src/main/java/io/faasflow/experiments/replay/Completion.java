package io.faasflow.experiments.replay;

import io.faasflow.topology.wire.InvocationResult;

/**
 * How one sent invocation ended, as the replay saw it.
 *
 * @param id the invocation id the replay gave it
 * @param target what it invoked
 * @param sentNanos {@link System#nanoTime()} just before the send
 * @param endedNanos when its result was read, or when the replay gave up on it
 * @param outcome what ended it
 * @param result the cluster's result; null unless {@code outcome} is {@link Outcome#RESULT}
 * @param detail why it failed without a result (send error); null otherwise
 */
public record Completion(String id, ReplayTarget target, long sentNanos, long endedNanos, Outcome outcome,
        InvocationResult result, String detail) {

    public enum Outcome {
        /** The cluster's result arrived (which may say failed, cancelled or timed out). */
        RESULT,
        /** No result within the replay's time-out. */
        CLIENT_TIMEOUT,
        /** Kafka refused the invocation record. */
        SEND_FAILED
    }

    public double latencyMillis() {
        return (endedNanos - sentNanos) / 1e6;
    }

    /** SUCCEEDED, FAILED, CANCELLED or TIMED_OUT from the cluster; CLIENT_TIMEOUT or SEND_FAILED from the replay. */
    public String status() {
        return outcome == Outcome.RESULT ? result.status().name() : outcome.name();
    }

    public boolean succeeded() {
        return outcome == Outcome.RESULT && result.status() == io.faasflow.topology.wire.InvocationStatus.SUCCEEDED;
    }

    public boolean timedOut() {
        return outcome == Outcome.CLIENT_TIMEOUT
                || outcome == Outcome.RESULT && result.status() == io.faasflow.topology.wire.InvocationStatus.TIMED_OUT;
    }
}
