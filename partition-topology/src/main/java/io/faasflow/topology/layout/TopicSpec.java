package io.faasflow.topology.layout;

/**
 * One topic faasflow needs: its name, partition count and whether it is compacted.
 *
 * @param perNode whether it has one partition per node (then its count must equal the node count)
 */
public record TopicSpec(String name, int partitions, boolean compacted, boolean perNode) {
}
