package io.faasflow.scheduler.event;

import io.faasflow.topology.wire.RecordLimits;
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
 * @param putNanos nanoseconds the try spent storing data (0 in events of nodes that did not measure it)
 * @param fetchNanos nanoseconds the try spent reading data
 */
public record RunEndedEvent(String invocation, String workflow, long version, String function, int element,
        int attempt, int node, long startMicros, long endMicros, String errorType, String errorMessage,
        Map<String, Long> outputBytes, Map<String, Integer> keyCounts, int branch, long putNanos, long fetchNanos)
        implements NodeEvent {
    /** Error messages are cut to {@link RecordLimits#MAX_MESSAGE_CHARS}: a function's exception text may be anything. */
    public RunEndedEvent {
        errorMessage = RecordLimits.clip(errorMessage);
    }


    /** An end without measured data times: a function that did not run (virtual, refused, undeliverable). */
    public RunEndedEvent(String invocation, String workflow, long version, String function, int element,
            int attempt, int node, long startMicros, long endMicros, String errorType, String errorMessage,
            Map<String, Long> outputBytes, Map<String, Integer> keyCounts, int branch) {
        this(invocation, workflow, version, function, element, attempt, node, startMicros, endMicros, errorType,
                errorMessage, outputBytes, keyCounts, branch, 0, 0);
    }

    public boolean succeeded() {
        return errorType == null;
    }
}
