package io.faasflow.experiments.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToLongFunction;

/**
 * Measures the throughput between this host and a CouchDB-compatible store, to show that a bandwidth cap such as
 * {@link ShapedStoreNetwork#cap} holds on the wire.
 *
 * <p>The payload is stored as JSON documents of up to 512 KiB of base64 text each, moved over four connections at
 * once: while the store parses or serializes one document, the others keep the link busy, so the figures reflect
 * the network rather than the store's per-byte work (pouchdb-server spends about 14 ns per byte on a PUT).
 */
public final class CapCheck {
    private static final int PART_BYTES = 512 * 1024;
    private static final int STREAMS = 4;
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    /**
     * Throughput of HTTP body bytes in each direction.
     *
     * @param putBytesPerSecond request body bytes per second while storing the documents (host to store)
     * @param getBytesPerSecond response body bytes per second while reading them back (store to host)
     */
    public record CapMeasurement(double putBytesPerSecond, double getBytesPerSecond) {
    }

    private CapCheck() {
    }

    /**
     * Stores {@code bytes} of payload in a fresh database, reads it back, then tries to delete the database.
     *
     * @param couchUrl the store's base address, e.g. {@code http://10.200.0.2:5984}, no trailing slash; never null
     * @param bytes payload size, positive; a few seconds' worth of the expected rate gives a steady figure
     * @return the measured rates, never null
     * @throws IllegalArgumentException if {@code bytes} is not positive
     * @throws IllegalStateException if a request fails or answers with an unexpected status
     */
    public static CapMeasurement measure(String couchUrl, int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be positive; got " + bytes);
        }
        String db = couchUrl + "/capcheck-" + Long.toHexString(System.nanoTime());
        List<byte[]> documents = documents(bytes);
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()) {
            send(client, HttpRequest.newBuilder(URI.create(db)).PUT(HttpRequest.BodyPublishers.noBody()), 201);
            try {
                double put = throughput(documents.size(), i -> {
                    send(client, HttpRequest.newBuilder(URI.create(db + "/part-" + i))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(documents.get(i))), 201);
                    return documents.get(i).length;
                });
                double get = throughput(documents.size(), i -> {
                    int received = send(client, HttpRequest.newBuilder(URI.create(db + "/part-" + i)).GET(), 200);
                    if (received < documents.get(i).length) {
                        throw new IllegalStateException("GET " + db + "/part-" + i + " returned only " + received
                                + " bytes of " + documents.get(i).length);
                    }
                    return received;
                });
                return new CapMeasurement(put, get);
            } finally {
                deleteQuietly(client, db);
            }
        }
    }

    private static void deleteQuietly(HttpClient client, String db) {
        try {
            send(client, HttpRequest.newBuilder(URI.create(db)).DELETE(), 200);
        } catch (IllegalStateException e) {
            // only frees the store's memory; the measurement stands without it
        }
    }

    private static List<byte[]> documents(int bytes) {
        Random random = new Random(bytes);
        List<byte[]> documents = new ArrayList<>();
        for (int offset = 0; offset < bytes; offset += PART_BYTES) {
            // Random base64 text: nothing on the way can compress it.
            byte[] raw = new byte[Math.min(PART_BYTES, bytes - offset) * 3 / 4 + 3];
            random.nextBytes(raw);
            String text = Base64.getEncoder().encodeToString(raw).substring(0, Math.min(PART_BYTES, bytes - offset));
            documents.add(("{\"data\":\"" + text + "\"}").getBytes(StandardCharsets.US_ASCII));
        }
        return documents;
    }

    /** Runs {@code transfer(0 .. count-1)} over {@link #STREAMS} threads; returns the bytes they report per second. */
    private static double throughput(int count, IntToLongFunction transfer) {
        AtomicInteger next = new AtomicInteger();
        AtomicLong total = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService streams = Executors.newFixedThreadPool(STREAMS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < Math.min(STREAMS, count); s++) {
                running.add(streams.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        total.addAndGet(transfer.applyAsLong(i));
                    }
                }));
            }
            for (Future<?> stream : running) {
                stream.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        }
        return total.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Sends the request, expects {@code status} and returns the response body's length. */
    private static int send(HttpClient client, HttpRequest.Builder request, int status) {
        HttpRequest built = request.timeout(REQUEST_TIMEOUT).build();
        try {
            HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != status) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
                        + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body().length;
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + built.method() + " " + built.uri(), e);
        }
    }
}
