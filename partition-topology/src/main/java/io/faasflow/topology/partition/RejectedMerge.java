package io.faasflow.topology.partition;

/**
 * A merge of two groups along a critical-path edge that a constraint refused.
 *
 * @param producer the edge's producer
 * @param consumer the edge's consumer
 * @param constraint {@code capacity}, {@code memory} or {@code group-size}
 * @param detail the numbers that decided it
 */
public record RejectedMerge(String producer, String consumer, String constraint, String detail) {
    public static final String CAPACITY = "capacity";
    public static final String MEMORY = "memory";
    public static final String GROUP_SIZE = "group-size";
}
