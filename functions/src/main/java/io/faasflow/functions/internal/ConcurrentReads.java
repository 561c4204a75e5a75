package io.faasflow.functions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Reads many keys at once on virtual threads, at most {@link #IN_FLIGHT} at a time, and returns the values
 * in key order: a merge over thousands of elements would otherwise wait for thousands of round trips in a row.
 */
final class ConcurrentReads {
    static final int IN_FLIGHT = 32;

    private ConcurrentReads() {
    }

    /** The value of every key, in order; the first failure (in key order) is thrown and the other reads are cancelled. */
    static List<byte[]> inOrder(List<String> keys, Function<String, byte[]> read) {
        if (keys.size() <= 1) {
            return keys.stream().map(read).toList();
        }
        Semaphore permits = new Semaphore(IN_FLIGHT);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<byte[]>> reads = new ArrayList<>(keys.size());
            for (String key : keys) {
                reads.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return read.apply(key);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<byte[]> values = new ArrayList<>(keys.size());
            try {
                for (Future<byte[]> value : reads) {
                    values.add(value.get());
                }
            } catch (ExecutionException e) {
                executor.shutdownNow();
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + keys.size() + " keys", e);
            }
            return values;
        }
    }
}
