package io.faasflow.scheduler.runtime;

/** A request waited in a pool's queue longer than it was allowed to; it left the queue without a container. */
public class PoolWaitTimeoutException extends ContainerException {
    public PoolWaitTimeoutException(String message) {
        super(message);
    }
}
