package io.faasflow.topology.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Bounds on the global inputs of one invocation, enforced wherever an invocation enters (HTTP and Kafka), so that
 * no invocation can make a state or result record larger than the topics take ({@link RecordLimits}).
 *
 * @param maxBytes the input's JSON size in bytes ({@code faasflow.limits.input-bytes})
 * @param maxDepth how deeply objects and arrays nest, the input object itself being depth 1
 *     ({@code faasflow.limits.input-depth})
 * @param maxFields object fields and array elements counted over the whole input ({@code faasflow.limits.input-fields})
 * @param maxNameLength characters of one field name ({@code faasflow.limits.input-name-length})
 */
public record InputLimits(int maxBytes, int maxDepth, int maxFields, int maxNameLength) {
    public static final InputLimits DEFAULTS = new InputLimits(1024 * 1024, 64, 10_000, 1024);

    public InputLimits {
        if (maxBytes < 2 || maxDepth < 1 || maxFields < 0 || maxNameLength < 1) {
            throw new IllegalArgumentException("input limits must be positive: " + maxBytes + " bytes, depth "
                    + maxDepth + ", " + maxFields + " fields, names of " + maxNameLength);
        }
        if (maxBytes > RecordLimits.MAX_INPUT_BYTES) {
            throw new IllegalArgumentException("faasflow.limits.input-bytes=" + maxBytes + " is over "
                    + RecordLimits.MAX_INPUT_BYTES + ", the most a state record of the topics can carry besides its bookkeeping");
        }
    }

    /** The first limit {@code input} (already parsed) breaks; empty when it is within all of them. */
    public Optional<LimitViolation> check(JsonNode input, long jsonBytes) {
        if (jsonBytes > maxBytes) {
            return Optional.of(LimitViolation.bytes(jsonBytes, maxBytes));
        }
        record Level(JsonNode node, int depth) {
        }
        Deque<Level> pending = new ArrayDeque<>();
        pending.push(new Level(input, 1));
        long fields = 0;
        while (!pending.isEmpty()) {
            Level level = pending.pop();
            if (!level.node().isContainerNode()) {
                continue;
            }
            if (level.depth() > maxDepth) {
                return Optional.of(LimitViolation.depth(maxDepth));
            }
            fields += level.node().size();
            if (fields > maxFields) {
                return Optional.of(LimitViolation.fields(maxFields));
            }
            if (level.node().isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = level.node().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (field.getKey().length() > maxNameLength) {
                        return Optional.of(LimitViolation.nameLength(field.getKey().length(), maxNameLength));
                    }
                    pending.push(new Level(field.getValue(), level.depth() + 1));
                }
            } else {
                level.node().forEach(element -> pending.push(new Level(element, level.depth() + 1)));
            }
        }
        return Optional.empty();
    }
}
