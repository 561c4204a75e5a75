package io.faasflow.topology.model;

import java.util.List;

/**
 * The {@code next} block of a function: its successors and, for a switch, one condition per successor.
 *
 * @param type how control passes on
 * @param nodes successor function names, never null
 * @param conditions switch conditions aligned with {@code nodes}; empty for other types
 */
public record NextSpec(EdgeType type, List<String> nodes, List<String> conditions) {
    public NextSpec {
        nodes = List.copyOf(nodes);
        conditions = List.copyOf(conditions);
    }

    public static NextSpec none() {
        return new NextSpec(EdgeType.PASS, List.of(), List.of());
    }
}
