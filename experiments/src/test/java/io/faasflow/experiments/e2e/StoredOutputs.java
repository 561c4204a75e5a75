package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.storage.StorageConfig;
import io.faasflow.topology.model.DataRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Reads what functions of an invocation stored, from the node that ran each function (its Redis, then
 * CouchDB). The cluster must keep ended invocations' data ({@code faasflow.data.keep-seconds}).
 */
final class StoredOutputs implements AutoCloseable {
    private final List<StorageAdapter> nodes = new ArrayList<>();

    StoredOutputs(LocalCluster cluster) {
        this(cluster.nodes(), cluster::redisUri, cluster.couchUrl());
    }

    /** @param redisUri node to the address of its Redis, as this JVM reaches it */
    StoredOutputs(int nodeCount, IntFunction<String> redisUri, String couchUrl) {
        for (int node = 0; node < nodeCount; node++) {
            nodes.add(StorageAdapter.connect(new StorageConfig(redisUri.apply(node), couchUrl,
                    StorageConfig.DEFAULT_DATABASE, StorageConfig.DEFAULT_TTL)));
        }
    }

    /** Output {@code key} of {@code function} (a declared output, or a name the function put). */
    byte[] read(JsonNode status, String function, String key) {
        return find(status, new DataRef(function, key).storageKey(), function)
                .orElseThrow(() -> new AssertionError("invocation " + status.path("id").asText() + " has no stored "
                        + function + "/" + key + " on node " + nodeOf(status, function) + ": " + status));
    }

    /** Output {@code key} of run {@code element} of foreach function {@code function}. */
    byte[] readElement(JsonNode status, String function, String key, int element) {
        return find(status, new DataRef(function, key).elementKey(element), function)
                .orElseThrow(() -> new AssertionError("invocation " + status.path("id").asText() + " has no stored "
                        + function + "/" + key + "@" + element + ": " + status));
    }

    private Optional<byte[]> find(JsonNode status, String storageKey, String function) {
        return nodes.get(nodeOf(status, function)).find(status.path("id").asText(), storageKey);
    }

    private static int nodeOf(JsonNode status, String function) {
        JsonNode node = status.path("functions").path(function).path("node");
        assertTrue(node.isInt(), "the result names no node for " + function + ": " + status);
        return node.asInt();
    }

    @Override
    public void close() {
        nodes.forEach(StorageAdapter::close);
    }
}
