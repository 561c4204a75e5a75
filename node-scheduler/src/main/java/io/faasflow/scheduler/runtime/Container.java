package io.faasflow.scheduler.runtime;

import java.time.Duration;

/**
 * One started and initialised function container. It serves one run at a time; {@link ContainerPool} makes
 * sure of that. Every method is thread-safe.
 */
public interface Container extends AutoCloseable {

    /** Identifies the container in logs and metrics (a process id, a Docker container id). */
    String id();

    /**
     * Runs one try of the container's function and blocks until it ends. A function that fails is a normal
     * reply with {@link RunReply#errorType()} set.
     *
     * @param timeout longest to wait for the reply
     * @throws ContainerTimeoutException if no reply came within {@code timeout}; the container is still busy and
     *     must be closed
     * @throws ContainerDiedException if the container died or broke the connection during the run
     * @throws ContainerException if the container answered, but not with a run reply
     * @throws InterruptedException if the caller was interrupted; the run may still be going on in the container,
     *     which must be closed
     */
    RunReply run(RunCall call, Duration timeout) throws InterruptedException;

    /**
     * Asks the container for its state ({@code GET /status}).
     *
     * @throws ContainerDiedException if it does not answer
     */
    ContainerStatus status() throws InterruptedException;

    /**
     * Whether the container still runs, as far as a local check tells (no round trip to the container). Called
     * by the pool while it holds a lock, so it must be cheap.
     */
    boolean isAlive();

    /** Tells the container to drop what it cached for an ended invocation. Best effort. */
    void forget(String invocation) throws InterruptedException;

    /** Stops and removes the container. Idempotent; a run in progress fails with {@link ContainerDiedException}. */
    @Override
    void close();
}
