package io.faasflow.scheduler.runtime;

import java.util.Map;

/**
 * How one try ended inside the container: the body of a {@code POST /run} answer. A function that threw is a
 * reply like any other, with {@code errorType} set.
 *
 * @param startMicros when the function started, epoch microseconds
 * @param endMicros when it ended, epoch microseconds
 * @param errorType short kind of the error (the exception's simple name); null on success
 * @param errorMessage human-readable error; null on success
 * @param outputBytes size of each output the run stored, by output key
 * @param keyCounts length of each {@code keys} list the run stored, by output key
 * @param putNanos nanoseconds the run spent storing data; 0 from a server that does not measure it
 * @param fetchNanos nanoseconds the run spent reading data; 0 from a server that does not measure it
 */
public record RunReply(long startMicros, long endMicros, String errorType, String errorMessage,
        Map<String, Long> outputBytes, Map<String, Integer> keyCounts, long putNanos, long fetchNanos) {

    public RunReply {
        outputBytes = outputBytes == null ? Map.of() : Map.copyOf(outputBytes);
        keyCounts = keyCounts == null ? Map.of() : Map.copyOf(keyCounts);
    }

    public RunReply(long startMicros, long endMicros, String errorType, String errorMessage,
            Map<String, Long> outputBytes, Map<String, Integer> keyCounts) {
        this(startMicros, endMicros, errorType, errorMessage, outputBytes, keyCounts, 0, 0);
    }

    /** Whether the function ran without throwing. */
    public boolean succeeded() {
        return errorType == null;
    }
}
