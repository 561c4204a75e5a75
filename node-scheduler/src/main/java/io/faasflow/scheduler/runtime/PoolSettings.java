package io.faasflow.scheduler.runtime;

import java.time.Duration;

/**
 * Settings of a node's {@link ContainerPool}.
 *
 * @param defaultMaxContainers containers per function (and workflow version) when the function names no limit
 * @param idleTimeout an idle container unused this long is stopped (the original's 600 s)
 * @param sweepInterval how often idle containers are looked at (the original's 5 s)
 * @param defaultMaxWait longest a run waits in a function's queue for a container, when the caller names none
 */
public record PoolSettings(int defaultMaxContainers, Duration idleTimeout, Duration sweepInterval,
        Duration defaultMaxWait) {

    public static final PoolSettings DEFAULTS = new PoolSettings(10, Duration.ofSeconds(600), Duration.ofSeconds(5),
            Duration.ofSeconds(300));

    public PoolSettings {
        if (defaultMaxContainers < 1) {
            throw new IllegalArgumentException("defaultMaxContainers must be at least 1; got " + defaultMaxContainers);
        }
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("sweepInterval", sweepInterval);
        requirePositive("defaultMaxWait", defaultMaxWait);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration; got " + value);
        }
    }

    /** These settings with another default container limit. */
    public PoolSettings withDefaultMaxContainers(int max) {
        return new PoolSettings(max, idleTimeout, sweepInterval, defaultMaxWait);
    }

    /** These settings with another idle timeout and sweep interval. */
    public PoolSettings withIdleTimeout(Duration idle, Duration sweep) {
        return new PoolSettings(defaultMaxContainers, idle, sweep, defaultMaxWait);
    }

    /** These settings with another default longest queue wait. */
    public PoolSettings withDefaultMaxWait(Duration maxWait) {
        return new PoolSettings(defaultMaxContainers, idleTimeout, sweepInterval, maxWait);
    }
}
