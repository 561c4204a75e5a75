package io.faasflow.scheduler.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many containers to start ahead of the first run, per workflow function: parsed from
 * {@code workflow/function=count[,workflow/function=count...]}. A node starts them for the functions it hosts
 * when it learns of a deployment, each within the function's container limit.
 *
 * @param counts containers by {@code workflow/function}
 */
public record Prewarm(Map<String, Integer> counts) {
    public static final Prewarm NONE = new Prewarm(Map.of());

    public Prewarm {
        counts = Map.copyOf(counts);
    }

    /**
     * @param setting the list; blank for none
     * @throws IllegalArgumentException naming the entry at fault
     */
    public static Prewarm parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.trim();
            int equals = trimmed.indexOf('=');
            int slash = trimmed.indexOf('/');
            if (equals < 0 || slash <= 0 || slash > equals - 2) {
                throw new IllegalArgumentException("pre-warm entry '" + trimmed + "' is not workflow/function=count");
            }
            String count = trimmed.substring(equals + 1).trim();
            if (!count.matches("\\d{1,4}") || Integer.parseInt(count) < 1) {
                throw new IllegalArgumentException("pre-warm entry '" + trimmed + "': count must be a whole number from 1 to 9999");
            }
            counts.put(trimmed.substring(0, equals).trim(), Integer.parseInt(count));
        }
        return new Prewarm(counts);
    }

    /** Containers to pre-warm for a function; 0 for none. */
    public int of(String workflow, String function) {
        return counts.getOrDefault(workflow + "/" + function, 0);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }
}
