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
 * @param nodeCapacityLeft scale units left on each node after this workflow; negative where over-committed
 * @param overcommitted the nodes left over-committed, ascending (none with {@link Admission#STRICT}); empty in
 *     plans made before over-commitment existed
 */
public record PartitionSummary(List<List<String>> groups, List<String> criticalPath, double criticalPathSeconds,
        List<RejectedMerge> rejectedMerges, int iterations, long memoryUsedBytes, long memoryQuotaBytes,
        List<Double> nodeCapacityLeft, List<NodeOvercommitment> overcommitted) {

    public PartitionSummary {
        groups = groups.stream().map(List::copyOf).toList();
        criticalPath = List.copyOf(criticalPath);
        rejectedMerges = List.copyOf(rejectedMerges);
        nodeCapacityLeft = List.copyOf(nodeCapacityLeft);
        overcommitted = overcommitted == null ? List.of() : List.copyOf(overcommitted);
    }
}
