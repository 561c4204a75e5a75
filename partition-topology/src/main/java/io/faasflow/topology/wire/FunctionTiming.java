package io.faasflow.topology.wire;

/**
 * How one function of an invocation ran.
 *
 * @param node the node it ran on
 * @param start epoch milliseconds when the function started (after its inputs were ready)
 * @param end epoch milliseconds when it ended
 * @param startMicros {@code start} in epoch microseconds, for sub-millisecond trigger measurements
 * @param endMicros {@code end} in epoch microseconds
 * @param attempts how many tries it took (for a foreach function, the most any element took); 0 when unknown
 */
public record FunctionTiming(int node, long start, long end, long startMicros, long endMicros, int attempts) {

    public FunctionTiming(int node, long start, long end, long startMicros, long endMicros) {
        this(node, start, end, startMicros, endMicros, 0);
    }
}
