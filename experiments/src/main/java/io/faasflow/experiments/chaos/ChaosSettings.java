package io.faasflow.experiments.chaos;

import java.nio.file.Path;

/**
 * A fault-injection run.
 *
 * @param quick the small run CI does: one round of faults
 * @param seed orders the faults
 * @param invocations at least this many are submitted (more while faults remain)
 * @param out where the report goes
 * @param brokers Kafka brokers: 1, or 3 (replication 3, 2 in sync, one broker killed a round)
 */
record ChaosSettings(Path home, Path work, Path out, boolean quick, long seed, int invocations, int brokers) {
    static final int NODES = 3;
    static final int CLIENTS = 4;

    int rounds() {
        return quick ? 1 : 3;
    }

    /** The report's file names: {@code reliability} for one broker, {@code reliability-3-brokers} for three. */
    String reportName() {
        return brokers == 1 ? "reliability" : "reliability-" + brokers + "-brokers";
    }

    long gapMillis() {
        return quick ? 9_000 : 12_000;
    }
}
