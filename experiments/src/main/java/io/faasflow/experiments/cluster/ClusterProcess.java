package io.faasflow.experiments.cluster;

/** One process of a local cluster, as its supervisor watches it. */
interface ClusterProcess extends AutoCloseable {

    long pid();

    boolean alive();

    /** Stops it, gracefully first; returns once it exited. */
    @Override
    void close();
}
