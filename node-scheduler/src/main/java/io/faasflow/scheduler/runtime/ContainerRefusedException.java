package io.faasflow.scheduler.runtime;

/**
 * A container answered a request with a client error (HTTP 4xx): the request was at fault, not the container,
 * which stays in the pool. The same request would be refused again.
 */
public class ContainerRefusedException extends ContainerException {
    public ContainerRefusedException(String message) {
        super(message);
    }
}
