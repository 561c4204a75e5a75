package io.faasflow.scheduler.runtime;

/**
 * Cumulative counts of a {@link ContainerPool}, taken at one moment.
 *
 * @param coldStarts runs that got a container cold-started for them
 * @param warmStarts runs served by an idle container
 * @param failedStarts cold starts (for runs or pre-warming) that failed
 * @param prewarmed containers started ahead by {@link ContainerPool#prewarm}
 * @param reclaimed idle containers stopped after the idle timeout
 * @param died containers removed because they died, gave no answer in time or answered a run with something
 *     other than a reply (during a run, or found dead while idle)
 * @param abandoned containers stopped because the run's caller was interrupted
 * @param waitTimeouts runs that left the queue without a container after their longest wait
 */
public record PoolCounters(long coldStarts, long warmStarts, long failedStarts, long prewarmed, long reclaimed,
        long died, long abandoned, long waitTimeouts) {
}
