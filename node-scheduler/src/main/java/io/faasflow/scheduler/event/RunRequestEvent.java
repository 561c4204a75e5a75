package io.faasflow.scheduler.event;

import java.util.Map;

/**
 * Master mode only: "run this try of {@code function}", sent by the master to the node hosting it, which
 * answers with a {@link RunEndedEvent}. A request delivered twice starts one run.
 *
 * @param element index of the run within its foreach; -1 for a function that is not a foreach function
 * @param attempt which try this is, from 1
 * @param elementCounts runs made by each foreach function whose outputs {@code function} reads, by name
 */
public record RunRequestEvent(String invocation, String workflow, long version, String function, int element,
        int attempt, Map<String, Integer> elementCounts) implements NodeEvent {
}
