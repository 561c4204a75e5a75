package io.faasflow.experiments.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The faults of a run, in a seeded random order, one every {@code gap} after a first quiet stretch. */
final class FaultSchedule {
    private FaultSchedule() {
    }

    /**
     * Every process of a cluster of {@code nodes} nodes is hit: each scheduler is killed {@code rounds} times and
     * paused once a round, each node's Redis, the CouchDB stand-in, the ingress and the broker (one of
     * {@code brokers}) killed once a round.
     *
     * @param pauseMillis how long a paused scheduler stays stopped
     */
    static List<Fault> of(int nodes, int brokers, int rounds, long seed, long firstMillis, long gapMillis, long pauseMillis) {
        List<Fault> faults = new ArrayList<>();
        Random random = new Random(seed);
        for (int round = 0; round < rounds; round++) {
            List<Fault> batch = new ArrayList<>();
            for (int node = 0; node < nodes; node++) {
                batch.add(new Fault(Fault.Kind.KILL, "node-" + node, 0, 0));
            }
            batch.add(new Fault(Fault.Kind.PAUSE, "node-" + random.nextInt(nodes), 0, pauseMillis));
            batch.add(new Fault(Fault.Kind.KILL, "redis-" + (round % nodes), 0, 0));
            batch.add(new Fault(Fault.Kind.KILL, "couchdb", 0, 0));
            batch.add(new Fault(Fault.Kind.KILL, "ingress", 0, 0));
            batch.add(new Fault(Fault.Kind.KILL, brokers == 1 ? "kafka" : "kafka-" + random.nextInt(brokers), 0, 0));
            Collections.shuffle(batch, random);
            faults.addAll(batch);
        }
        List<Fault> timed = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            timed.add(new Fault(fault.kind(), fault.target(), firstMillis + i * gapMillis, fault.holdMillis()));
        }
        return List.copyOf(timed);
    }
}
