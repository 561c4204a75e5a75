package io.faasflow.topology.wire;

import java.util.List;

/**
 * The value of a {@code function-catalog} record, keyed by node id ({@code "0"}, {@code "1"}, ...): the function
 * sources a node scheduler can run, e.g. {@code {"node":0,"sources":["synthetic","count"]}}.
 *
 * @param node the node id
 * @param sources function sources (the {@code source} field of workflow functions) implemented there
 */
public record CatalogEntry(int node, List<String> sources) {

    public CatalogEntry {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
