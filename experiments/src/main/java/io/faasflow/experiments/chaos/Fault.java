package io.faasflow.experiments.chaos;

/**
 * One fault of a schedule.
 *
 * @param kind what is done to the process
 * @param target the process, by its name in {@code cluster.json}: {@code node-K}, {@code redis-K}, {@code couchdb},
 *     {@code ingress}, {@code kafka}
 * @param atMillis when, from the start of the run
 * @param holdMillis for a pause, how long the process stays stopped
 */
record Fault(Kind kind, String target, long atMillis, long holdMillis) {

    enum Kind {
        /** SIGKILL: a crash, no shutdown hook runs; the supervisor starts it again. */
        KILL,
        /** SIGSTOP, then SIGCONT after the hold: a process that hangs and comes back. */
        PAUSE
    }

    String label() {
        return kind == Kind.KILL ? "kill -9 " + target : "SIGSTOP " + target + " for " + holdMillis / 1000 + " s";
    }
}
