package io.faasflow.scheduler.engine;

import java.util.Locale;

/** Who decides when a function runs. */
public enum SchedulingMode {
    /** WorkerSP: the node hosting a function counts its parents and triggers it (faasflow's design). */
    WORKER,
    /**
     * MasterSP: one master node holds every invocation's state; for each ready function it sends a run request
     * to the hosting node and waits for the run's end before triggering successors (the paper's baseline).
     */
    MASTER;

    /** Parses {@code worker} or {@code master}; the error names the accepted values. */
    public static SchedulingMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "worker" -> WORKER;
            case "master" -> MASTER;
            default -> throw new IllegalArgumentException("must be 'worker' or 'master'; got '" + text + "'");
        };
    }
}
