package io.faasflow.ingress.kafka;

import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.wire.InvocationResult;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sizes the engine observed for every output, per workflow, from the {@code outputBytes} of finished
 * invocations on the results topic. Keeps the last {@value #SAMPLES} samples per output. Thread-safe.
 */
@Singleton
public class ObservedSizes {
    static final int SAMPLES = 1000;

    private final Map<String, Map<String, Deque<Long>>> byWorkflow = new HashMap<>();

    public synchronized void record(InvocationResult result) {
        if (result.outputBytes() == null || result.workflow() == null) {
            return;
        }
        Map<String, Deque<Long>> outputs = byWorkflow.computeIfAbsent(result.workflow(), w -> new HashMap<>());
        result.outputBytes().forEach((key, bytes) -> {
            Deque<Long> samples = outputs.computeIfAbsent(key, k -> new ArrayDeque<>());
            samples.addLast(bytes);
            if (samples.size() > SAMPLES) {
                samples.removeFirst();
            }
        });
    }

    /** The 99th percentile (nearest rank) of every observed output of a workflow, by producer and key. */
    public synchronized Map<DataRef, Long> p99(String workflow) {
        Map<DataRef, Long> result = new TreeMap<>();
        byWorkflow.getOrDefault(workflow, Map.of()).forEach((key, samples) -> {
            long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
            int rank = Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1);
            result.put(DataRef.parse(key), Arrays.stream(sorted).skip(rank).findFirst().orElse(0));
        });
        return result;
    }
}
