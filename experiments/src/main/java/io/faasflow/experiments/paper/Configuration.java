package io.faasflow.experiments.paper;

import io.faasflow.experiments.cluster.SchedulingMode;

/** The paper's two deployments, which every experiment runs in turn. */
public enum Configuration {
    /** FaaSFlow: worker-side scheduling and grouping placement with node-local data ("optimized" storage). */
    FAASFLOW("FaaSFlow", "WorkerSP + optimized", SchedulingMode.WORKER, "grouping", "optimized"),
    /** The baseline: one master schedules every function; hash spread with all data in the shared store ("raw"). */
    MASTERSP("MasterSP", "MasterSP + raw", SchedulingMode.MASTER, "raw", "raw");

    private final String label;
    private final String description;
    private final SchedulingMode scheduling;
    private final String placement;
    private final String paperFileTag;

    Configuration(String label, String description, SchedulingMode scheduling, String placement, String paperFileTag) {
        this.label = label;
        this.description = description;
        this.scheduling = scheduling;
        this.placement = placement;
        this.paperFileTag = paperFileTag;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public SchedulingMode scheduling() {
        return scheduling;
    }

    /** The ingress's {@code ?placement=} for every deployment of this configuration. */
    public String placement() {
        return placement;
    }

    /** How the original's result files name this configuration: {@code optimized} or {@code raw}. */
    public String paperFileTag() {
        return paperFileTag;
    }

    /** Lower-case name for file names: {@code faasflow} or {@code mastersp}. */
    public String fileTag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
