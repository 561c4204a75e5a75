package io.faasflow.scheduler.event;

/**
 * "The invocation has ended": sent by the home node to every node of the plan, which then removes the
 * invocation's data and state.
 */
public record FinishEvent(String invocation, String workflow, long version) implements NodeEvent {
}
