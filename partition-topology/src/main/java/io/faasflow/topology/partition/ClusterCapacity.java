package io.faasflow.topology.partition;

import java.util.Arrays;

/**
 * Scale units left on each node, shared by workflows deployed one after another onto one cluster. The
 * order of deployment decides who gets capacity first; it is the caller's to keep deterministic (the
 * ingress uses the order of the {@code workflow-definitions} log). Thread-safe.
 */
public final class ClusterCapacity {
    private double[] remaining;

    private ClusterCapacity(double[] remaining) {
        this.remaining = remaining;
    }

    public static ClusterCapacity empty(int nodes, PartitionerConfig config) {
        double[] remaining = new double[nodes];
        Arrays.fill(remaining, config.nodeCapacity());
        return new ClusterCapacity(remaining);
    }

    /**
     * The capacity left once {@code used[n]} scale units are taken on each node n; negative on a node that
     * over-committed deployments (or workflows planned under other settings) use beyond the current limit.
     */
    public static ClusterCapacity after(double[] used, PartitionerConfig config) {
        double[] remaining = new double[used.length];
        for (int node = 0; node < used.length; node++) {
            remaining[node] = config.nodeCapacity() - used[node];
        }
        return new ClusterCapacity(remaining);
    }

    public synchronized int nodes() {
        return remaining.length;
    }

    /** A copy of what is left, by node. */
    public synchronized double[] remaining() {
        return remaining.clone();
    }

    synchronized void set(double[] left) {
        remaining = left.clone();
    }
}
