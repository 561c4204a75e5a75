package io.faasflow.experiments.cluster;

import io.faasflow.storage.local.CouchDbStandIn;
import io.faasflow.storage.local.RedisServerProcess;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** The storage servers a local cluster starts, as {@link ClusterProcess}es. */
record LocalService(LongSupplier pids, BooleanSupplier liveness, Runnable stop) implements ClusterProcess {

    static ClusterProcess of(RedisServerProcess redis) {
        return new LocalService(redis::pid, redis::isAlive, redis::close);
    }

    static ClusterProcess of(CouchDbStandIn couch) {
        return new LocalService(couch::pid, couch::isAlive, couch::close);
    }

    @Override
    public long pid() {
        return pids.getAsLong();
    }

    @Override
    public boolean alive() {
        return liveness.getAsBoolean();
    }

    @Override
    public void close() {
        stop.run();
    }
}
