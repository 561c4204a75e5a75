package io.faasflow.topology.wire;

/**
 * How one function of an invocation ran.
 *
 * <p>{@code putMicros} and {@code fetchMicros} are its data overhead: the time spent inside store accesses
 * (the storage calls with their round trips and serialization, not the function's own work), each access's
 * duration added. Only the try that ended a run counts (the one that succeeded, or the last one when the function
 * failed), not tries that failed and were retried. A foreach function reports the sum over all its runs.
 * Records written before these were measured read as 0.
 *
 * @param node the node it ran on
 * @param start epoch milliseconds when the function started (after its inputs were ready)
 * @param end epoch milliseconds when it ended
 * @param startMicros {@code start} in epoch microseconds, for sub-millisecond trigger measurements
 * @param endMicros {@code end} in epoch microseconds
 * @param attempts how many tries it took (for a foreach function, the most any element took); 0 when unknown
 * @param putMicros microseconds spent storing outputs and named data; 0 when unknown
 * @param fetchMicros microseconds spent reading inputs, lists and named data; 0 when unknown
 */
public record FunctionTiming(int node, long start, long end, long startMicros, long endMicros, int attempts,
        long putMicros, long fetchMicros) {

    public FunctionTiming(int node, long start, long end, long startMicros, long endMicros, int attempts) {
        this(node, start, end, startMicros, endMicros, attempts, 0, 0);
    }

    public FunctionTiming(int node, long start, long end, long startMicros, long endMicros) {
        this(node, start, end, startMicros, endMicros, 0);
    }
}
