package io.faasflow.topology.model;

/** What runs when a function is triggered. */
public enum FunctionKind {
    /** A user function run in a function runtime. */
    TASK,
    /** A {@code virtual*} node with {@code source: VIRTUAL}: evaluates a switch, runs no code. */
    VIRTUAL,
    /** The {@code END} sink: a no-op. */
    END
}
