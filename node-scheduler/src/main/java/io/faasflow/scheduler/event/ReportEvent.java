package io.faasflow.scheduler.event;

import io.faasflow.topology.wire.RecordLimits;
import java.util.Map;

/**
 * "{@code function} ended on {@code node}": sent to the invocation's home node, which completes the
 * invocation once every function has reported.
 *
 * @param succeeded whether the function ran to its end
 * @param errorType short kind of the error; null on success
 * @param errorMessage human-readable error; null on success
 * @param attempts how many times the function was tried
 * @param outputBytes size of each output it stored, by output key; may be null
 * @param skipped true when the function did not run because no parent ran this way (then {@code succeeded})
 * @param putNanos nanoseconds it spent storing data, as {@link io.faasflow.topology.wire.FunctionTiming#putMicros()}
 *     counts it; 0 in reports of nodes that did not measure it
 * @param fetchNanos nanoseconds it spent reading data, likewise
 */
public record ReportEvent(String invocation, String function, int node, long startMicros, long endMicros,
        boolean succeeded, String errorType, String errorMessage, int attempts, Map<String, Long> outputBytes,
        boolean skipped, long putNanos, long fetchNanos) implements NodeEvent {
    /** Error messages are cut to {@link RecordLimits#MAX_MESSAGE_CHARS}: a function's exception text may be anything. */
    public ReportEvent {
        errorMessage = RecordLimits.clip(errorMessage);
    }


    public ReportEvent(String invocation, String function, int node, long startMicros, long endMicros,
            boolean succeeded, String errorType, String errorMessage, int attempts, Map<String, Long> outputBytes,
            boolean skipped) {
        this(invocation, function, node, startMicros, endMicros, succeeded, errorType, errorMessage, attempts,
                outputBytes, skipped, 0, 0);
    }

    public ReportEvent(String invocation, String function, int node, long startMicros, long endMicros,
            boolean succeeded, String errorType, String errorMessage, int attempts, Map<String, Long> outputBytes) {
        this(invocation, function, node, startMicros, endMicros, succeeded, errorType, errorMessage, attempts,
                outputBytes, false);
    }
}
