package io.faasflow.topology.partition;

import java.util.List;

/**
 * How the grouping partitioner arrived at a placement.
 *
 * @param groups the final groups, each a list of function names in YAML order; groups ordered by their first member
 * @param criticalPath the last critical path (start to sink)
 * @param criticalPathSeconds its length: runtimes plus edge transfer times, in-group edges at 1/ratio
 * @param rejectedMerges every merge a constraint refused, in the order tried
 * @param iterations merge iterations run
 * @param memoryUsedBytes output bytes kept in memory by the merges
 * @param memoryQuotaBytes the workflow's memory quota
 * @param nodeCapacityLeft scale units left on each node after this workflow
 */
public record PartitionSummary(List<List<String>> groups, List<String> criticalPath, double criticalPathSeconds,
        List<RejectedMerge> rejectedMerges, int iterations, long memoryUsedBytes, long memoryQuotaBytes,
        List<Double> nodeCapacityLeft) {

    public PartitionSummary {
        groups = groups.stream().map(List::copyOf).toList();
        criticalPath = List.copyOf(criticalPath);
        rejectedMerges = List.copyOf(rejectedMerges);
        nodeCapacityLeft = List.copyOf(nodeCapacityLeft);
    }
}
