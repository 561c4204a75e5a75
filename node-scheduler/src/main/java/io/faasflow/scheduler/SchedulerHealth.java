package io.faasflow.scheduler;

import java.time.Duration;

/**
 * What the health endpoint reports: whether the scheduler consumes its partitions yet, and whether its event loop
 * still turns. The loop beats after every turn; a loop that has not beaten for {@link #STALL} (stuck in a call,
 * or the process paused) is not ready, so a supervisor or orchestrator sees it. Thread-safe.
 */
final class SchedulerHealth {
    /** Longer than any turn of a healthy loop: one poll waits at most a second. */
    static final Duration STALL = Duration.ofSeconds(15);

    private final int node;
    private volatile boolean consuming;
    private volatile boolean stopped;
    private volatile long lastBeatNanos = System.nanoTime();

    SchedulerHealth(int node) {
        this.node = node;
    }

    void consuming() {
        consuming = true;
        beat();
    }

    void beat() {
        lastBeatNanos = System.nanoTime();
    }

    void stopped() {
        stopped = true;
    }

    /** Why the scheduler is not ready, or null when it is. */
    String notReadyBecause() {
        if (stopped) {
            return "stopping";
        }
        if (!consuming) {
            return "starting: restoring state and reading deployments";
        }
        long sinceBeat = System.nanoTime() - lastBeatNanos;
        if (sinceBeat > STALL.toNanos()) {
            return "the event loop has not turned for " + Duration.ofNanos(sinceBeat).toSeconds() + " s";
        }
        return null;
    }

    /** The JSON body of an answer. */
    String json(String status, String reason) {
        long sinceBeatMillis = Duration.ofNanos(System.nanoTime() - lastBeatNanos).toMillis();
        return "{\"status\":\"" + status + "\",\"node\":" + node + ",\"loopIdleMillis\":" + sinceBeatMillis
                + (reason == null ? "" : ",\"reason\":\"" + reason.replace("\"", "'") + "\"") + "}";
    }
}
