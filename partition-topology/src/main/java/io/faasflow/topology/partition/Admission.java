package io.faasflow.topology.partition;

import java.util.Locale;

/**
 * What the grouping partitioner does with a workflow that needs more scale units than the cluster has left.
 */
public enum Admission {
    /**
     * As the original: capacity limits merges only. A function that finds no node with room goes to the node
     * with the most left, which is then over-committed; the plan names each node's over-commitment.
     */
    OVERCOMMIT,
    /** The workflow is refused: every function must find room. */
    STRICT;

    /** {@code overcommit} or {@code strict}, in any case; the error names {@code field}. */
    public static Admission parse(String field, String text) {
        for (Admission admission : values()) {
            if (admission.name().equalsIgnoreCase(text.trim())) {
                return admission;
            }
        }
        throw new IllegalArgumentException(field + " must be overcommit or strict; got '" + text + "'");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
