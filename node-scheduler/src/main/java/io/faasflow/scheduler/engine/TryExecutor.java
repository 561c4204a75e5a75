package io.faasflow.scheduler.engine;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.event.RunRequestEvent;
import java.time.Duration;
import java.util.Map;

/**
 * Executes one try of a hosted function, blocking the calling virtual thread until it ends: inside the
 * scheduler ({@link EmbeddedExecutor}) or in a pooled container ({@link PooledExecutor}).
 */
public interface TryExecutor extends AutoCloseable {

    /**
     * How a try ended; {@code errorType} is null on success. {@code putNanos} and {@code fetchNanos}: time the
     * try spent storing and reading data.
     */
    record Outcome(String errorType, String errorMessage, Map<String, Long> outputBytes, Map<String, Integer> keyCounts,
            long putNanos, long fetchNanos) {
        static Outcome failed(String type, String message) {
            return new Outcome(type, message, Map.of(), Map.of(), 0, 0);
        }

        /** A function whose source nothing in the registry implements: not retried. */
        static Outcome noImplementation(Deployment deployment, String source) {
            return failed("NoImplementation", "none of " + io.faasflow.functions.FunctionRegistry.candidates(
                    deployment.name(), source, deployment.synthetic()) + " is registered");
        }
    }

    /**
     * @param timeout the try's limit, counted from {@code started}; the runner interrupts the calling thread when
     *     it passes
     * @param started called once, when the function itself starts: after any wait for a container and any cold
     *     start, which do not count against the function's timeout
     * @throws InterruptedException when the try was interrupted (timed out or stopped)
     */
    Outcome execute(Deployment deployment, RunRequestEvent run, Duration timeout, Runnable started)
            throws InterruptedException;

    /** Called when the node learns of a deployment: a chance to prepare its functions (pre-warm containers). */
    default void deployed(Deployment deployment) {
    }

    /** Drops what is cached of an invocation that ended. */
    void forget(String invocation);

    @Override
    void close();
}
