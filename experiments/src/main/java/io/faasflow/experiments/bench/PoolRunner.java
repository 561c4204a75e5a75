package io.faasflow.experiments.bench;

import io.faasflow.scheduler.runtime.ContainerPool;
import io.faasflow.scheduler.runtime.ContainerSpec;
import io.faasflow.scheduler.runtime.PooledReply;
import io.faasflow.scheduler.runtime.RunCall;
import java.time.Duration;

/** Runs the no-op function once through a pool, timed from the caller's side, and insists that it succeeded. */
final class PoolRunner {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);

    private PoolRunner() {
    }

    /**
     * @param expectCold whether the run must have cold-started its container (else it must have been warm)
     * @throws IllegalStateException if the function failed or the pool did not start the way expected
     */
    static ContainerSample run(ContainerPool pool, ContainerSpec spec, String invocation, boolean expectCold)
            throws InterruptedException {
        long asked = System.nanoTime();
        PooledReply reply = pool.run(spec, RunCall.single(invocation), RUN_TIMEOUT);
        long waited = System.nanoTime() - asked;
        if (!reply.reply().succeeded()) {
            throw new IllegalStateException("the no-op run " + invocation + " failed: " + reply.reply().errorType()
                    + ": " + reply.reply().errorMessage());
        }
        if (reply.cold() != expectCold) {
            throw new IllegalStateException("run " + invocation + " was " + (reply.cold() ? "cold" : "warm")
                    + " where a " + (expectCold ? "cold" : "warm") + " start was measured");
        }
        return ContainerSample.of(reply, waited);
    }
}
