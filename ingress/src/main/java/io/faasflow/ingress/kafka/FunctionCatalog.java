package io.faasflow.ingress.kafka;

import io.faasflow.topology.wire.CatalogEntry;
import io.faasflow.topology.wire.WireJson;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The latest {@link CatalogEntry} of every node, as read from the {@code function-catalog} topic. Fed by a
 * tailer thread, read by request threads.
 */
@Singleton
public class FunctionCatalog {
    private final Map<Integer, Set<String>> sourcesByNode = new TreeMap<>();
    private boolean seen;

    /** Applies one catalog record; a null value (tombstone) removes the node named by the key. */
    public void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            synchronized (this) {
                sourcesByNode.remove(Integer.valueOf(record.key()));
            }
            return;
        }
        CatalogEntry entry;
        try {
            entry = WireJson.read(record.value(), CatalogEntry.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a catalog record: " + WireJson.describe(e), e);
        }
        if (entry == null || entry.sources() == null || entry.sources().stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("a catalog record needs node and a list of sources");
        }
        synchronized (this) {
            sourcesByNode.put(entry.node(), Set.copyOf(entry.sources()));
            seen = true;
        }
    }

    /** Sources of every node that registered; empty when no catalog record has been seen at all. */
    public synchronized Optional<Map<Integer, Set<String>>> snapshot() {
        return seen ? Optional.of(Map.copyOf(sourcesByNode)) : Optional.empty();
    }
}
