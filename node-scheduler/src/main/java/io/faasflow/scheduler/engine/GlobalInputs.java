package io.faasflow.scheduler.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.model.InputSpec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an invocation's input object into the stored global inputs its functions read. A field's value is
 * stored as its JSON text (a string as its bare text). A read input that the invocation lacks is an error,
 * except in a synthetic deployment, where the reader makes it (see {@code StorageBackedContext}).
 */
final class GlobalInputs {
    private GlobalInputs() {
    }

    /** Values by storage key; throws {@link MissingInputException} naming the first absent input. */
    static Map<String, byte[]> resolve(Deployment deployment, ObjectNode input) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        for (Map.Entry<DataRef, List<String>> entry : deployment.graph().readers().entrySet()) {
            DataRef ref = entry.getKey();
            if (!ref.producer().equals(InputSpec.GLOBAL_PRODUCER)) {
                continue;
            }
            JsonNode value = input == null ? null : input.get(ref.key());
            if (value != null) {
                values.put(ref.storageKey(), value.isTextual()
                        ? value.textValue().getBytes(StandardCharsets.UTF_8)
                        : value.toString().getBytes(StandardCharsets.UTF_8));
            } else if (!deployment.synthetic()) {
                throw new MissingInputException(ref.key(), entry.getValue());
            }
        }
        return values;
    }

    /** An invocation lacks a global input that a function reads. */
    static final class MissingInputException extends RuntimeException {
        MissingInputException(String key, List<String> readers) {
            super("the invocation gives no global input '" + key + "', which " + readers + " read");
        }
    }
}
