package io.faasflow.topology.placement;

import io.faasflow.topology.partition.PartitionSummary;
import java.util.Map;

/**
 * What a {@link PlacementStrategy} decided: the node of every function and, for the grouping partitioner,
 * how it got there.
 *
 * @param summary groups, critical path and refused merges; null for strategies without groups
 */
public record Placement(Map<String, Integer> functionNodes, PartitionSummary summary) {
}
