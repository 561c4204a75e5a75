package io.faasflow.functions.fill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faasflow.functions.ForeachTypes;
import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import io.faasflow.functions.synthetic.SyntheticFunction;
import io.faasflow.topology.model.OutputSpec;
import java.io.IOException;

/**
 * Writes each declared output at a size the invocation chooses, whatever the YAML declares: its input
 * {@code sizes} is a JSON object of output key to bytes (other outputs get their declared size). For
 * experiments where real data differs from the declaration, e.g. re-partitioning from observed sizes. For a
 * {@code keys} output the value is instead the number of list elements (default: the planned element count).
 */
public final class FillFunction implements WorkflowFunction {
    public static final String SOURCE = "fill";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run(FunctionContext context) throws IOException {
        JsonNode sizes = context.spec().inputs().containsKey("sizes") ? JSON.readTree(context.fetch("sizes")) : null;
        for (OutputSpec output : context.spec().outputs().values()) {
            JsonNode chosen = sizes == null ? null : sizes.get(output.key());
            boolean given = chosen != null && chosen.canConvertToLong();
            if (ForeachTypes.isKeys(output)) {
                long elements = given ? chosen.asLong() : context.plannedElements(output.key());
                if (elements < 0 || elements > SyntheticFunction.MAX_ELEMENTS) {
                    throw new IllegalArgumentException("input 'sizes' gives keys output '" + output.key()
                            + "' an impossible element count " + elements);
                }
                context.put(output.key(), SyntheticFunction.keyList((int) elements));
                continue;
            }
            long bytes = given ? chosen.asLong() : output.size();
            if (bytes < 0 || bytes > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("input 'sizes' gives output '" + output.key() + "' an impossible size " + bytes);
            }
            context.put(output.key(), SyntheticFunction.filler((int) bytes));
        }
    }
}
