package io.faasflow.functions.internal;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Time one run spent inside store accesses, puts and fetches apart: the run's data overhead. A function may
 * read from several threads at once; each access's own duration is added, so the sum may exceed the wall time.
 * An access that throws counts too.
 */
final class DataTimes {
    private final LongAdder putNanos = new LongAdder();
    private final LongAdder fetchNanos = new LongAdder();

    <T> T fetch(Supplier<T> access) {
        long start = System.nanoTime();
        try {
            return access.get();
        } finally {
            fetchNanos.add(System.nanoTime() - start);
        }
    }

    void put(Runnable access) {
        long start = System.nanoTime();
        try {
            access.run();
        } finally {
            putNanos.add(System.nanoTime() - start);
        }
    }

    long putNanos() {
        return putNanos.sum();
    }

    long fetchNanos() {
        return fetchNanos.sum();
    }
}
