package io.faasflow.scheduler.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.model.InputSpec;
import io.faasflow.topology.placement.Destination;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an invocation's input object into the stored global inputs its functions read. A field's value is
 * stored as its JSON text (a string as its bare text). A read input that the invocation lacks is an error,
 * except in a synthetic deployment, where the reader makes it (see {@code StorageBackedContext}). Fields no
 * function declares are stored too, in the shared store, for functions that read the invocation's input
 * directly ({@code FunctionContext#invocationInput}).
 */
final class GlobalInputs {
    /** Values and where each goes, by storage key. */
    record Stored(Map<String, byte[]> values, Map<String, Destination> destinations) {
    }

    private GlobalInputs() {
    }

    /**
     * @param writer the node that stores them: the entry node in worker mode, the master in master mode
     * @throws MissingInputException naming the first declared input the invocation lacks
     */
    static Stored resolve(Deployment deployment, ObjectNode input, int writer) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        Map<String, Destination> destinations = new LinkedHashMap<>();
        for (Map.Entry<DataRef, List<String>> entry : deployment.graph().readers().entrySet()) {
            DataRef ref = entry.getKey();
            if (!ref.producer().equals(InputSpec.GLOBAL_PRODUCER)) {
                continue;
            }
            JsonNode value = input == null ? null : input.get(ref.key());
            if (value != null) {
                values.put(ref.storageKey(), bytes(value));
                destinations.put(ref.storageKey(), destination(deployment, ref, entry.getValue(), writer));
            } else if (!deployment.synthetic()) {
                throw new MissingInputException(ref.key(), entry.getValue());
            }
        }
        if (input != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = new DataRef(InputSpec.GLOBAL_PRODUCER, field.getKey()).storageKey();
                if (!values.containsKey(key)) {
                    values.put(key, bytes(field.getValue()));
                    destinations.put(key, Destination.DB);
                }
            }
        }
        return new Stored(values, destinations);
    }

    private static byte[] bytes(JsonNode value) {
        return value.isTextual()
                ? value.textValue().getBytes(StandardCharsets.UTF_8)
                : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The plan places global inputs as written by the entry node. Another writer (the master) keeps the
     * plan's choice of the shared store, and adds it where a reader runs on a node other than the writer.
     */
    private static Destination destination(Deployment deployment, DataRef ref, List<String> readers, int writer) {
        Destination planned = deployment.plan().destinationOf(ref);
        if (writer == deployment.plan().entryNode() || planned == Destination.DB) {
            return planned;
        }
        boolean readHere = readers.stream().anyMatch(reader -> deployment.plan().nodeOf(reader) == writer);
        boolean readElsewhere = readers.stream().anyMatch(reader -> deployment.plan().nodeOf(reader) != writer);
        if (readHere && (readElsewhere || planned.remote())) {
            return Destination.DB_MEM;
        }
        return readHere ? Destination.MEM : Destination.DB;
    }

    /** An invocation lacks a global input that a function reads. */
    static final class MissingInputException extends RuntimeException {
        MissingInputException(String key, List<String> readers) {
            super("the invocation gives no global input '" + key + "', which " + readers + " read");
        }
    }
}
