package io.faasflow.functions.server;

import java.util.Map;

/**
 * Answer to {@code POST /run}: how the try went. A function that throws is still a 200 answer, with the error
 * here.
 *
 * @param startMicros when the run started, epoch microseconds
 * @param endMicros when it ended, epoch microseconds
 * @param errorType null on success, else the simple class name of what the function threw (or
 *     {@code Interrupted})
 * @param errorMessage null on success, else the error's message
 * @param outputBytes size of every output the run put, by output key (also for a failed run: what it stored)
 * @param keyCounts element count of every {@code keys} output the run put, by output key
 * @param putNanos nanoseconds the run spent storing data (0 in answers of servers that do not measure it)
 * @param fetchNanos nanoseconds the run spent reading data
 */
public record RunResponse(long startMicros, long endMicros, String errorType, String errorMessage,
        Map<String, Long> outputBytes, Map<String, Integer> keyCounts, long putNanos, long fetchNanos) {

    public RunResponse {
        outputBytes = outputBytes == null ? Map.of() : Map.copyOf(outputBytes);
        keyCounts = keyCounts == null ? Map.of() : Map.copyOf(keyCounts);
    }

    public RunResponse(long startMicros, long endMicros, String errorType, String errorMessage,
            Map<String, Long> outputBytes, Map<String, Integer> keyCounts) {
        this(startMicros, endMicros, errorType, errorMessage, outputBytes, keyCounts, 0, 0);
    }

    /** Whether the function ran without throwing. */
    public boolean succeeded() {
        return errorType == null;
    }
}
