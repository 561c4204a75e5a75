package io.faasflow.scheduler.runtime;

import java.util.concurrent.atomic.LongAdder;

/** The cumulative counters of a {@link ContainerPool}, updated by many threads at once. */
final class PoolMetrics {
    final LongAdder coldStarts = new LongAdder();
    final LongAdder warmStarts = new LongAdder();
    final LongAdder failedStarts = new LongAdder();
    final LongAdder prewarmed = new LongAdder();
    final LongAdder reclaimed = new LongAdder();
    final LongAdder died = new LongAdder();
    final LongAdder abandoned = new LongAdder();
    final LongAdder waitTimeouts = new LongAdder();

    PoolCounters snapshot() {
        return new PoolCounters(coldStarts.sum(), warmStarts.sum(), failedStarts.sum(), prewarmed.sum(),
                reclaimed.sum(), died.sum(), abandoned.sum(), waitTimeouts.sum());
    }
}
