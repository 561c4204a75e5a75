package io.faasflow.experiments.cluster;

import java.util.Arrays;
import java.util.Locale;

/** Who decides which function runs next: what {@link LocalCluster} passes its node schedulers. */
public enum SchedulingMode {
    /** WorkerSP, FaaSFlow's design: each node's scheduler triggers the functions it hosts. */
    WORKER,
    /** MasterSP, the paper's baseline: one master scheduler owns all state and sends a run request per function. */
    MASTER;

    /** The value of the node schedulers' {@code faasflow.scheduling} property: {@code worker} or {@code master}. */
    public String property() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode whose {@link #property()} is {@code value}.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static SchedulingMode fromProperty(String value) {
        for (SchedulingMode mode : values()) {
            if (mode.property().equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("scheduling mode must be one of "
                + Arrays.stream(values()).map(SchedulingMode::property).toList() + "; got '" + value + "'");
    }
}
