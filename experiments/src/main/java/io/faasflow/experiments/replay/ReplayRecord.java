package io.faasflow.experiments.replay;

/**
 * One invocation of a replay.
 *
 * @param warmup whether it was a warm-up invocation (written, not summarised)
 * @param scheduledNanos when an open loop meant to send it, after the measured phase's start; -1 in a closed loop
 *     and for warm-ups
 * @param sentNanos when it was sent, after the measured phase's start (negative for warm-ups)
 * @param completion how it ended
 */
public record ReplayRecord(boolean warmup, long scheduledNanos, long sentNanos, Completion completion) {

    public String phase() {
        return warmup ? "warmup" : "measured";
    }
}
