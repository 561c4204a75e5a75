package io.faasflow.scheduler.state;

import java.util.BitSet;
import java.util.TreeMap;

/**
 * The runs of one foreach function of one invocation: which elements ended, the try each is on, and the
 * span they covered. Kept compact (a bit set, tries only for retried elements) so that a foreach over
 * thousands of elements stays a small changelog record.
 */
public final class ForeachProgress {
    public int count;
    /** Ended elements, as the words of a {@link BitSet}. */
    public long[] ended = new long[0];
    public int endedCount;
    /** The try each element is on, only where it is not the first. */
    public TreeMap<Integer, Integer> attempts = new TreeMap<>();
    public long firstStartMicros = Long.MAX_VALUE;
    public long lastEndMicros;

    public ForeachProgress() {
    }

    public ForeachProgress(int count) {
        this.count = count;
    }

    public boolean hasEnded(int element) {
        return BitSet.valueOf(ended).get(element);
    }

    public void markEnded(int element, long startMicros, long endMicros) {
        BitSet bits = BitSet.valueOf(ended);
        if (bits.get(element)) {
            return;
        }
        bits.set(element);
        ended = bits.toLongArray();
        endedCount++;
        firstStartMicros = Math.min(firstStartMicros, startMicros);
        lastEndMicros = Math.max(lastEndMicros, endMicros);
    }

    public boolean allEnded() {
        return endedCount == count;
    }

    public int attemptOf(int element) {
        return attempts.getOrDefault(element, 1);
    }

    public void setAttempt(int element, int attempt) {
        attempts.put(element, attempt);
    }

    /** The highest try of any element: what the function's report names. */
    public int maxAttempt() {
        return attempts.values().stream().mapToInt(Integer::intValue).max().orElse(count == 0 ? 0 : 1);
    }
}
