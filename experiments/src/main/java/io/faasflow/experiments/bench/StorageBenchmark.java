package io.faasflow.experiments.bench;

import io.faasflow.storage.CouchDataStore;
import io.faasflow.storage.DataStore;
import io.faasflow.storage.RedisDataStore;
import io.faasflow.storage.local.CouchDbStandIn;
import io.faasflow.storage.local.RedisServerProcess;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Put and fetch time of the storage adapter's two tiers (Redis through Redisson, the CouchDB stand-in
 * through Ektorp) for 1 KiB and 1 MiB values, measured one call at a time after a warm-up.
 */
public final class StorageBenchmark {
    private StorageBenchmark() {
    }

    public static Map<String, Percentiles> run(Path projectHome, Path workDir, int iterations, PrintStream out) {
        Map<String, Percentiles> summary = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        try (RedisServerProcess redis = RedisServerProcess.start(workDir.resolve("redis"));
                CouchDbStandIn couch = CouchDbStandIn.start(projectHome, workDir.resolve("couchdb"));
                RedisDataStore mem = new RedisDataStore(redis.uri(), Duration.ofMinutes(10));
                CouchDataStore db = new CouchDataStore(couch.url(), "storage-benchmark")) {
            for (DataStore store : List.of(mem, db)) {
                for (int size : new int[] {1024, 1024 * 1024}) {
                    measure(store, size, iterations, summary, rows, out);
                }
            }
        }
        ResultFiles files = new ResultFiles(workDir.resolve("results"));
        out.println("wrote " + files.json("storage-latency.json", summary) + " and "
                + files.csv("storage-latency.csv", "tier,size_bytes,operation,millis", rows));
        return summary;
    }

    private static void measure(DataStore store, int size, int iterations, Map<String, Percentiles> summary,
            List<String> rows, PrintStream out) {
        byte[] value = new byte[size];
        new Random(size).nextBytes(value);
        String invocation = UUID.randomUUID().toString();
        List<Double> puts = new ArrayList<>();
        List<Double> gets = new ArrayList<>();
        int warmup = Math.max(10, iterations / 5);
        for (int i = 0; i < warmup + iterations; i++) {
            String key = "bench/" + i;
            long t0 = System.nanoTime();
            store.put(invocation, key, value);
            long t1 = System.nanoTime();
            store.get(invocation, key).orElseThrow();
            long t2 = System.nanoTime();
            if (i >= warmup) {
                puts.add((t1 - t0) / 1e6);
                gets.add((t2 - t1) / 1e6);
                rows.add(store.tier() + "," + size + ",put," + (t1 - t0) / 1e6);
                rows.add(store.tier() + "," + size + ",fetch," + (t2 - t1) / 1e6);
            }
        }
        String label = store.tier() + " " + (size == 1024 ? "1KiB" : "1MiB");
        summary.put(label + " put", Percentiles.of(puts));
        summary.put(label + " fetch", Percentiles.of(gets));
        out.println(label + " put   " + Percentiles.of(puts).describe("ms"));
        out.println(label + " fetch " + Percentiles.of(gets).describe("ms"));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < warmup + iterations; i++) {
            keys.add("bench/" + i);
        }
        store.delete(invocation, keys);
    }
}
