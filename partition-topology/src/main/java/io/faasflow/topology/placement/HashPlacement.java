package io.faasflow.topology.placement;

import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.WorkflowGraph;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The paper's "raw" baseline spread: each function on node {@code crc32(name) mod nodes}. Unlike the
 * original's salted Python hash, CRC32 gives the same node in every run and JVM.
 */
public final class HashPlacement implements PlacementStrategy {
    public static final String NAME = "hash";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Integer> place(WorkflowGraph graph, int nodes) {
        Map<String, Integer> placement = new LinkedHashMap<>();
        for (FunctionSpec function : graph.definition().functions()) {
            CRC32 crc = new CRC32();
            crc.update(function.name().getBytes(StandardCharsets.UTF_8));
            placement.put(function.name(), (int) (crc.getValue() % nodes));
        }
        return placement;
    }
}
