package io.faasflow.scheduler.state;

import java.util.TreeMap;

/**
 * Master mode, on a hosting node: the runs of one function the master asked for, by element (-1 for a function
 * that is not a foreach function), as the latest try requested and the latest try whose end was sent. A few
 * bytes per element, so a foreach over thousands of elements stays a small changelog record.
 */
public final class HostedRuns {
    /** Element counts of the requests (the same for every run of the function). */
    public TreeMap<String, Integer> elementCounts = new TreeMap<>();
    public TreeMap<Integer, Integer> requested = new TreeMap<>();
    public TreeMap<Integer, Integer> ended = new TreeMap<>();

    public HostedRuns() {
    }

    /** Records a request; false when this try (or a later one) of the element was requested before. */
    public boolean request(int element, int attempt) {
        Integer known = requested.get(element);
        if (known != null && known >= attempt) {
            return false;
        }
        requested.put(element, attempt);
        return true;
    }

    public void markEnded(int element, int attempt) {
        ended.merge(element, attempt, Math::max);
    }

    /** Whether the latest requested try of the element has not ended. */
    public boolean isRunning(int element) {
        Integer attempt = requested.get(element);
        return attempt != null && ended.getOrDefault(element, 0) < attempt;
    }
}
