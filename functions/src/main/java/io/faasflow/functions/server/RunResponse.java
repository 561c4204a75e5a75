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
 */
public record RunResponse(long startMicros, long endMicros, String errorType, String errorMessage,
        Map<String, Long> outputBytes, Map<String, Integer> keyCounts) {

    public RunResponse {
        outputBytes = outputBytes == null ? Map.of() : Map.copyOf(outputBytes);
        keyCounts = keyCounts == null ? Map.of() : Map.copyOf(keyCounts);
    }

    /** Whether the function ran without throwing. */
    public boolean succeeded() {
        return errorType == null;
    }
}
