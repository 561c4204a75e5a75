package io.faasflow.experiments.bench;

import io.faasflow.scheduler.runtime.PooledReply;
import java.util.Locale;

/**
 * One run through the container pool, in milliseconds.
 *
 * @param cold whether the pool cold-started a container for the run
 * @param totalMillis what the caller waited for {@code pool.run}: queue wait, cold start if any, run and HTTP
 * @param startMillis the pool's cold start time (start, READY, {@code /init}); 0 for a warm run
 * @param queueMillis the pool's queue wait
 * @param runMillis the pool's time from sending {@code /run} to its reply
 * @param functionMillis the function's own time inside the server, from the reply's start and end
 */
record ContainerSample(boolean cold, double totalMillis, double startMillis, double queueMillis, double runMillis,
        double functionMillis) {
    static final String CSV_HEADER = "runtime,phase,sample,total_ms,start_ms,queue_wait_ms,run_ms,function_ms";

    /** The sample of {@code reply}, which the caller waited {@code totalNanos} for. */
    static ContainerSample of(PooledReply reply, long totalNanos) {
        return new ContainerSample(reply.cold(), totalNanos / 1e6, reply.startTime().toNanos() / 1e6,
                reply.queueWait().toNanos() / 1e6, reply.runTime().toNanos() / 1e6,
                (reply.reply().endMicros() - reply.reply().startMicros()) / 1e3);
    }

    /** A CSV row: {@code runtime,phase,index,...} in the order of {@link #CSV_HEADER}. */
    String csv(String runtime, int index) {
        return String.format(Locale.ROOT, "%s,%s,%d,%.3f,%.3f,%.3f,%.3f,%.3f", runtime, cold ? "cold" : "warm", index,
                totalMillis, startMillis, queueMillis, runMillis, functionMillis);
    }
}
