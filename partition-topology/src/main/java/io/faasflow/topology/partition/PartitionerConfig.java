package io.faasflow.topology.partition;

/**
 * Settings of FaaSFlow's grouping partitioner; {@link #DEFAULTS} are the original's.
 *
 * @param scaleLimit containers a node may host ({@code scale_limit}, 120)
 * @param capacityFactor share of {@code scaleLimit} the partitioner may fill (0.8, so 96 scale units)
 * @param networkBandwidth bytes per second that turn data sizes into transfer time (25 MiB/s / 4)
 * @param memoryBandwidthRatio how much cheaper an edge inside a group is than a network edge (15)
 * @param containerMemory bytes of memory per container (256 MiB)
 * @param reservedMemory share of container memory kept free (0.2)
 * @param groupLimit most functions in one group (100)
 */
public record PartitionerConfig(int scaleLimit, double capacityFactor, double networkBandwidth,
        double memoryBandwidthRatio, long containerMemory, double reservedMemory, int groupLimit) {

    public static final PartitionerConfig DEFAULTS =
            new PartitionerConfig(120, 0.8, 25.0 * 1024 * 1024 / 4, 15, 256L * 1024 * 1024, 0.2, 100);

    public PartitionerConfig {
        if (scaleLimit < 1) {
            throw new IllegalArgumentException("scale limit must be at least 1; got " + scaleLimit);
        }
        if (!(capacityFactor > 0 && capacityFactor <= 1)) {
            throw new IllegalArgumentException("capacity factor must lie in (0, 1]; got " + capacityFactor);
        }
        if (!(networkBandwidth > 0) || !(memoryBandwidthRatio >= 1)) {
            throw new IllegalArgumentException("network bandwidth must be > 0 and memory/network ratio >= 1");
        }
        if (groupLimit < 1) {
            throw new IllegalArgumentException("group limit must be at least 1; got " + groupLimit);
        }
    }

    /** Scale units one node offers: {@code capacityFactor x scaleLimit}. */
    public double nodeCapacity() {
        return capacityFactor * scaleLimit;
    }

    public PartitionerConfig withGroupLimit(int newGroupLimit) {
        return new PartitionerConfig(scaleLimit, capacityFactor, networkBandwidth, memoryBandwidthRatio, containerMemory,
                reservedMemory, newGroupLimit);
    }

    public PartitionerConfig withScaleLimit(int newScaleLimit) {
        return new PartitionerConfig(newScaleLimit, capacityFactor, networkBandwidth, memoryBandwidthRatio,
                containerMemory, reservedMemory, groupLimit);
    }
}
