package io.faasflow.topology.load;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a flat workflow may have at each level: the original's (including the ones faasflow reads but
 * does not use, such as {@code global_output}, and the misspelt {@code fuctions} of its examples) and
 * faasflow's own. Any other field is a problem naming it, with the nearest known field when one is close,
 * so that a typo such as {@code next.node} is not silently dropped with its edges.
 */
final class KnownFields {
    static final Set<String> DOCUMENT = Set.of("functions", "fuctions", "global_input", "global_output");
    static final Set<String> FUNCTION = Set.of("name", "source", "runtime", "scale", "mem_usage", "split_ratio",
            "input", "output", "next", "max_attempts", "retry_backoff_ms", "timeout_s");
    static final Set<String> INPUT = Set.of("type", "value", "size");
    static final Set<String> INPUT_SOURCE = Set.of("function", "parameter");
    static final Set<String> OUTPUT = Set.of("type", "size", "value");
    static final Set<String> NEXT = Set.of("type", "nodes", "conditions");
    /** Beyond this distance a suggestion helps less than it confuses. */
    private static final int MAX_SUGGESTION_DISTANCE = 2;

    private KnownFields() {
    }

    /** Records a problem for each key of {@code map} not in {@code known}; {@code path} prefixes the field names. */
    static void check(YamlReader reader, String function, String path, Map<?, ?> map, Set<String> known) {
        for (Object key : map.keySet()) {
            String name = String.valueOf(key);
            if (!known.contains(name)) {
                String field = path.isEmpty() ? name : path + "." + name;
                reader.problem(function, field, "is not a known field" + suggestion(name, known)
                        .map(s -> "; did you mean '" + s + "'?").orElse("; known here: " + sorted(known)));
            }
        }
    }

    static Optional<String> suggestion(String name, Set<String> known) {
        return known.stream()
                .map(candidate -> Map.entry(candidate, distance(name, candidate)))
                .filter(entry -> entry.getValue() <= MAX_SUGGESTION_DISTANCE)
                .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    private static List<String> sorted(Set<String> known) {
        return known.stream().sorted(Comparator.naturalOrder()).toList();
    }

    /** Levenshtein distance, with the cost bounded by short field names. */
    static int distance(String a, String b) {
        if (a.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
