package io.faasflow.ingress;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition until it holds, for assertions on state fed by background Kafka readers. */
public final class Eventually {

    private Eventually() {
    }

    /** Returns the first non-null value of {@code probe}; fails after {@code timeout}. */
    public static <T> T await(Duration timeout, String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
