package io.faasflow.experiments.replay;

import java.time.Duration;
import java.util.Objects;

/**
 * What every replay mode shares.
 *
 * @param warmupsPerTarget invocations of each workflow sent one at a time before the measured phase, not summarised
 * @param timeout how long the replay waits for one invocation's result before it counts it as timed out
 * @param duration length of the measured phase: how long closed-loop clients keep sending and how far into an
 *     open-loop schedule arrivals are sent; null for a whole trace
 */
public record ReplayOptions(int warmupsPerTarget, Duration timeout, Duration duration) {

    public ReplayOptions {
        if (warmupsPerTarget < 0) {
            throw new IllegalArgumentException("--warmup must not be negative; got " + warmupsPerTarget);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive; got " + timeout);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("--duration must be positive; got " + duration);
        }
    }
}
