package io.faasflow.topology.model;

import java.util.Locale;
import java.util.Optional;

/** How a function hands over to the functions in its {@code next.nodes}. */
public enum EdgeType {
    PASS,
    PARALLEL,
    FOREACH,
    SWITCH;

    /** Parses the YAML spelling ({@code pass}, {@code parallel}, ...); empty when unknown. */
    public static Optional<EdgeType> parse(String text) {
        for (EdgeType type : values()) {
            if (type.name().toLowerCase(Locale.ROOT).equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
