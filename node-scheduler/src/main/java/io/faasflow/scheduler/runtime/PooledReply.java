package io.faasflow.scheduler.runtime;

import java.time.Duration;

/**
 * A run's reply with what the pool measured on the way.
 *
 * @param reply the container's reply
 * @param containerId the container that ran it
 * @param cold whether the container was cold-started for this run
 * @param queueWait time spent waiting in the function's queue for a container or a slot
 * @param startTime time the cold start took; zero for a warm start
 * @param runTime time from sending the run to its reply
 */
public record PooledReply(RunReply reply, String containerId, boolean cold, Duration queueWait, Duration startTime,
        Duration runTime) {
}
