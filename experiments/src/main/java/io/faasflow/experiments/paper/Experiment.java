package io.faasflow.experiments.paper;

import java.util.List;

/**
 * One of the paper's experiments. The runner measures it once per {@link Configuration}, on that
 * configuration's cluster, and then has it write its report comparing the two with the paper's figures.
 */
interface Experiment {

    /** The command's name for it, e.g. {@code data-overhead}; also its report's file name. */
    String name();

    /** Whether it runs on a cluster; the scheduler-scalability experiment runs the partitioner alone. */
    default boolean needsCluster() {
        return true;
    }

    /** Whether it caps the shared store's bandwidth, so the store must run in a network namespace. */
    default boolean capsBandwidth() {
        return false;
    }

    /**
     * Measures one configuration.
     *
     * @param cluster that configuration's cluster; null when {@link #needsCluster()} is false
     */
    void measure(ExperimentSession session, Configuration configuration, ExperimentCluster cluster)
            throws InterruptedException;

    /**
     * Writes its CSV files, plots and markdown section.
     *
     * @return what is wrong with the figures (a workflow without a number or a time-out, a number that is not
     *     finite); empty when all is well
     */
    List<String> report(ReportWriter writer);
}
