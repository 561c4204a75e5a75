package io.faasflow.topology.layout;

import io.faasflow.topology.wire.RecordLimits;
import java.util.Map;

/**
 * One topic faasflow needs: its name, partition count and whether it is compacted.
 *
 * @param perNode whether it has one partition per node (then its count must equal the node count)
 */
public record TopicSpec(String name, int partitions, boolean compacted, boolean perNode) {

    /** The settings it is created with: its clean-up policy, and a record size limit set on purpose. */
    public Map<String, String> configs() {
        return Map.of("cleanup.policy", compacted ? "compact" : "delete",
                "max.message.bytes", String.valueOf(RecordLimits.MAX_RECORD_BYTES));
    }
}
