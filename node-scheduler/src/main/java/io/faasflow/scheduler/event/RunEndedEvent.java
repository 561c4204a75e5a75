package io.faasflow.scheduler.event;

import java.util.Map;

/**
 * One try of a function ended on {@code node}. Handed to the local engine, or sent to the master in master
 * mode; the scheduler of the function applies it once, whatever the number of deliveries.
 *
 * @param element index of the run within its foreach; -1 for a function that is not a foreach function
 * @param attempt which try this was, from 1
 * @param errorType short kind of the error; null on success
 * @param errorMessage human-readable error; null on success
 * @param outputBytes size of each output the run stored, by output key
 * @param keyCounts length of each {@code keys} list the run stored, by output key
 * @param branch for a switch: index of the first true condition, -1 for none
 */
public record RunEndedEvent(String invocation, String workflow, long version, String function, int element,
        int attempt, int node, long startMicros, long endMicros, String errorType, String errorMessage,
        Map<String, Long> outputBytes, Map<String, Integer> keyCounts, int branch) implements NodeEvent {

    public boolean succeeded() {
        return errorType == null;
    }
}
