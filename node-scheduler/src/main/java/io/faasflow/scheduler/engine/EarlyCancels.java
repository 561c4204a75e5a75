package io.faasflow.scheduler.engine;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cancellations of invocations this node did not know yet. A cancel travels on another topic than the
 * invocation record, so it may arrive first; the home node then applies it when the record comes. Bounded in
 * size and age, and kept in memory only.
 */
final class EarlyCancels {
    private static final int LIMIT = 10_000;
    private static final long KEEP_MILLIS = Duration.ofMinutes(10).toMillis();

    private final LinkedHashMap<String, Long> received = new LinkedHashMap<>();

    void remember(String invocation) {
        received.put(invocation, System.currentTimeMillis());
        long cutoff = System.currentTimeMillis() - KEEP_MILLIS;
        for (Iterator<Map.Entry<String, Long>> it = received.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> oldest = it.next();
            if (received.size() <= LIMIT && oldest.getValue() >= cutoff) {
                break;
            }
            it.remove();
        }
    }

    /** Whether a cancel for the invocation was waiting; forgets it. */
    boolean take(String invocation) {
        return received.remove(invocation) != null;
    }
}
