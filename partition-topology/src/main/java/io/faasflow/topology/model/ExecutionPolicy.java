package io.faasflow.topology.model;

import java.time.Duration;
import java.util.Optional;

/**
 * How one function is run when it fails or hangs, as its YAML declares ({@code max_attempts},
 * {@code retry_backoff_ms}, {@code timeout_s}); an absent field takes the node scheduler's default.
 *
 * @param maxAttempts tries in all, first run included; null when not declared
 * @param retryBackoff pause before the second try (doubled before each later one); null when not declared
 * @param timeout longest a single try may run; null when not declared
 */
public record ExecutionPolicy(Integer maxAttempts, Duration retryBackoff, Duration timeout) {
    /** Nothing declared: every setting comes from the node scheduler's configuration. */
    public static final ExecutionPolicy DEFAULTS = new ExecutionPolicy(null, null, null);

    public ExecutionPolicy {
        if (maxAttempts != null && maxAttempts < 1) {
            throw new IllegalArgumentException("max_attempts must be at least 1; got " + maxAttempts);
        }
    }

    public int maxAttemptsOr(int fallback) {
        return Optional.ofNullable(maxAttempts).orElse(fallback);
    }

    public Duration retryBackoffOr(Duration fallback) {
        return Optional.ofNullable(retryBackoff).orElse(fallback);
    }

    public Duration timeoutOr(Duration fallback) {
        return Optional.ofNullable(timeout).orElse(fallback);
    }
}
