package io.faasflow.scheduler.engine;

import java.time.Instant;

/** Wall-clock time in epoch microseconds (comparable across processes on one machine). */
public final class MicroClock {
    private MicroClock() {
    }

    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
