package io.faasflow.experiments.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One invocation an open-loop replay sends: when, relative to the start of the measured phase, and what.
 *
 * @param offsetNanos nanoseconds after the start; never negative
 * @param target the workflow and its input
 */
public record Arrival(long offsetNanos, ReplayTarget target) {

    public Arrival {
        if (offsetNanos < 0) {
            throw new IllegalArgumentException("an arrival offset must not be negative; got " + offsetNanos + " ns");
        }
    }

    public Arrival(long offsetNanos, String workflow, ObjectNode input) {
        this(offsetNanos, new ReplayTarget(workflow, input));
    }
}
