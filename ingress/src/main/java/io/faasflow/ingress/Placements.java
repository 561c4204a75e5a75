package io.faasflow.ingress;

import io.faasflow.topology.partition.Admission;
import io.faasflow.topology.partition.ClusterCapacity;
import io.faasflow.topology.partition.GroupingPartitioner;
import io.faasflow.topology.partition.PartitionerConfig;
import io.faasflow.topology.placement.ContiguousPlacement;
import io.faasflow.topology.placement.HashPlacement;
import io.faasflow.topology.placement.PlacementPlanner;
import java.util.List;

/** The placements a client may ask for by name; FaaSFlow's grouping partitioner by default. */
public final class Placements {
    /** {@code raw}: the paper's baseline, a hash spread with every datum in the shared store. */
    public static final String RAW = "raw";
    public static final List<String> NAMES =
            List.of(GroupingPartitioner.NAME, RAW, ContiguousPlacement.NAME, HashPlacement.NAME);

    private Placements() {
    }

    /**
     * @param name {@code grouping} (also when null or blank), {@code raw}, {@code contiguous} or {@code hash}
     * @throws InvalidRequestException for any other name
     */
    public static PlacementPlanner plannerByName(String name) {
        return plannerByName(name, PartitionerConfig.DEFAULTS, null, Admission.OVERCOMMIT);
    }

    /**
     * @param capacity what the cluster has left for the grouping partitioner; null for an empty cluster
     * @param admission what the grouping partitioner does with a workflow that does not fit
     */
    public static PlacementPlanner plannerByName(String name, PartitionerConfig config, ClusterCapacity capacity,
            Admission admission) {
        if (name == null || name.isBlank() || name.equals(GroupingPartitioner.NAME)) {
            return new PlacementPlanner(new GroupingPartitioner(config, capacity, admission));
        }
        return switch (name) {
            case RAW -> PlacementPlanner.raw();
            case ContiguousPlacement.NAME -> new PlacementPlanner(new ContiguousPlacement());
            case HashPlacement.NAME -> new PlacementPlanner(new HashPlacement());
            default -> throw new InvalidRequestException("placement", "must be one of " + NAMES + "; got '" + name + "'");
        };
    }
}
