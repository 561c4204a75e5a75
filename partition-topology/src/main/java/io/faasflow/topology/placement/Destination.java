package io.faasflow.topology.placement;

/** Where an output is stored: the producer node's Redis, the shared CouchDB, or both. */
public enum Destination {
    /** Every reader runs on the producer's node: node-local memory only. */
    MEM,
    /** No reader runs on the producer's node: the shared store only. */
    DB,
    /** Readers on the producer's node and elsewhere: both. */
    DB_MEM;

    public boolean local() {
        return this != DB;
    }

    public boolean remote() {
        return this != MEM;
    }
}
