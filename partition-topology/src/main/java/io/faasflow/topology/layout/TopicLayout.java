package io.faasflow.topology.layout;

/**
 * Names of the Kafka topics and how node ids map to partitions. Every per-node topic has one partition per
 * node, and node k owns partition k of each.
 *
 * @param prefix prepended to every topic name (empty in production; unique per test)
 * @param nodes number of worker nodes
 */
public record TopicLayout(String prefix, int nodes) {
    /** Invocation records; partition = the node that receives them. The public entry point. */
    public static final String INVOCATIONS = "workflow-invocations";
    /** Triggers and reports between node schedulers; partition = the receiving node. */
    public static final String FUNCTION_EVENTS = "function-events";
    /** One record per finished invocation, keyed by invocation id. */
    public static final String RESULTS = "workflow-results";
    /** Deployed workflows (definition and plan), keyed {@code name@version}; compacted, one partition. */
    public static final String DEFINITIONS = "workflow-definitions";
    /** What function sources each node can run, keyed by node id; compacted, one partition. */
    public static final String FUNCTION_CATALOG = "function-catalog";
    /** Changelog of node scheduler state, keyed by invocation id; compacted; partition = node. */
    public static final String SCHEDULER_STATE = "scheduler-state";

    /**
     * Records a node scheduler or the ingress could not handle, copied as they were with headers naming the cause,
     * source topic, partition and offset ({@code faasflow.dead-letter.*}); one partition, kept 7 days.
     */
    public static final String DEAD_LETTERS = "faasflow-dead-letters";

    public TopicLayout {
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be at least 1; got " + nodes);
        }
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null (use \"\")");
        }
    }

    public String invocations() {
        return prefix + INVOCATIONS;
    }

    public String functionEvents() {
        return prefix + FUNCTION_EVENTS;
    }

    public String results() {
        return prefix + RESULTS;
    }

    public String definitions() {
        return prefix + DEFINITIONS;
    }

    public String functionCatalog() {
        return prefix + FUNCTION_CATALOG;
    }

    public String schedulerState() {
        return prefix + SCHEDULER_STATE;
    }

    public String deadLetters() {
        return prefix + DEAD_LETTERS;
    }

    /** Every topic faasflow needs, as whoever starts first (ingress, scheduler, launcher) creates them. */
    public java.util.List<TopicSpec> topics() {
        return java.util.List.of(
                new TopicSpec(invocations(), nodes, false, true),
                new TopicSpec(functionEvents(), nodes, false, true),
                new TopicSpec(schedulerState(), nodes, true, true),
                new TopicSpec(results(), nodes, false, true),
                new TopicSpec(definitions(), 1, true, false),
                new TopicSpec(functionCatalog(), 1, true, false),
                new TopicSpec(deadLetters(), 1, false, false));
    }

    /** The partition node {@code node} owns in every per-node topic. */
    public int partitionOf(int node) {
        if (node < 0 || node >= nodes) {
            throw new IllegalArgumentException("node " + node + " is outside 0.." + (nodes - 1));
        }
        return node;
    }
}
