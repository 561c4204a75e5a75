package io.faasflow.scheduler.engine;

import io.faasflow.topology.model.ExecutionPolicy;
import java.time.Duration;

/**
 * How the engine schedules: the control mode, and the retry and timeout defaults for functions whose YAML
 * declares none.
 *
 * @param mode worker-side or master-side scheduling
 * @param masterNode the node that holds all state in {@link SchedulingMode#MASTER} mode
 * @param maxAttempts tries of a function in all, first run included
 * @param retryBackoff pause before the second try, doubled before each later one (capped at {@link #MAX_BACKOFF})
 * @param functionTimeout longest a single try may run
 * @param invocationTimeout longest an invocation may run before it ends as TIMED_OUT
 */
public record EngineSettings(SchedulingMode mode, int masterNode, int maxAttempts, Duration retryBackoff,
        Duration functionTimeout, Duration invocationTimeout) {
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** Worker-side scheduling, 3 attempts 200 ms apart, 5 minutes per try, 15 minutes per invocation. */
    public static final EngineSettings DEFAULTS = new EngineSettings(SchedulingMode.WORKER, 0, 3,
            Duration.ofMillis(200), Duration.ofMinutes(5), Duration.ofMinutes(15));

    public EngineSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1; got " + maxAttempts);
        }
        if (functionTimeout.isZero() || functionTimeout.isNegative() || invocationTimeout.isZero()
                || invocationTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public EngineSettings withMode(SchedulingMode newMode) {
        return new EngineSettings(newMode, masterNode, maxAttempts, retryBackoff, functionTimeout, invocationTimeout);
    }

    public EngineSettings withMasterNode(int node) {
        return new EngineSettings(mode, node, maxAttempts, retryBackoff, functionTimeout, invocationTimeout);
    }

    public EngineSettings withRetries(int attempts, Duration backoff) {
        return new EngineSettings(mode, masterNode, attempts, backoff, functionTimeout, invocationTimeout);
    }

    public EngineSettings withTimeouts(Duration function, Duration invocation) {
        return new EngineSettings(mode, masterNode, maxAttempts, retryBackoff, function, invocation);
    }

    public int attemptsOf(ExecutionPolicy policy) {
        return policy.maxAttemptsOr(maxAttempts);
    }

    public Duration timeoutOf(ExecutionPolicy policy) {
        return policy.timeoutOr(functionTimeout);
    }

    /** Pause before try {@code nextAttempt} (2 or more). */
    public Duration backoffBefore(ExecutionPolicy policy, int nextAttempt) {
        Duration first = policy.retryBackoffOr(retryBackoff);
        long millis = first.toMillis() << Math.min(20, Math.max(0, nextAttempt - 2));
        return millis > MAX_BACKOFF.toMillis() || millis < 0 ? MAX_BACKOFF : Duration.ofMillis(millis);
    }
}
