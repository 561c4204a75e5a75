package io.faasflow.scheduler.event;

/**
 * "Stop this invocation": the ingress sends one to every node's partition; the invocation's home node ends it
 * as CANCELLED, and the others learn of the end through the home's {@link FinishEvent}.
 */
public record CancelEvent(String invocation) implements NodeEvent {
}
