package io.faasflow.functions.synthetic;

import io.faasflow.functions.ForeachTypes;
import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import io.faasflow.topology.model.InputSpec;
import io.faasflow.topology.model.OutputSpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The function of FaaSFlow's generated scientific workflows: fetches every declared input, sleeps the
 * declared {@code runtime}, then puts every declared output at its declared {@code size} (filled with
 * {@code 'a'}). Both are multiplied by the scales, so tests can run 50-function workflows in seconds. A
 * {@code keys} output is instead a list of {@link FunctionContext#plannedElements} made-up names.
 */
public final class SyntheticFunction implements WorkflowFunction {
    /** The most elements {@link #keyList} makes: each becomes a function run. */
    public static final int MAX_ELEMENTS = 1_000_000;

    private final SyntheticScale scale;

    public SyntheticFunction(SyntheticScale scale) {
        this.scale = scale;
    }

    @Override
    public void run(FunctionContext context) throws InterruptedException {
        for (InputSpec input : context.spec().inputs().values()) {
            // fetchAll reads every element's output when the producer is a foreach function (this is a merge)
            // and is a plain fetch otherwise; a key input is this run's element, or the whole list.
            if (ForeachTypes.isKey(input)) {
                context.fetch(input.name());
            } else {
                context.fetchAll(input.name());
            }
        }
        long sleepMicros = Math.round(context.spec().runtimeSeconds() * scale.runtime() * 1_000_000);
        if (sleepMicros > 0) {
            Thread.sleep(sleepMicros / 1000, (int) (sleepMicros % 1000) * 1000);
        }
        for (OutputSpec output : context.spec().outputs().values()) {
            byte[] value = ForeachTypes.isKeys(output)
                    ? keyList(context.plannedElements(output.key()))
                    : filler(scale.bytes(output.size()));
            context.put(output.key(), value);
        }
    }

    /** {@code size} bytes of {@code 'a'}, as the original's {@code 'a' * size}. */
    public static byte[] filler(int size) {
        byte[] value = new byte[size];
        Arrays.fill(value, (byte) 'a');
        return value;
    }

    /**
     * A foreach list of {@code count} short names, {@code ["e0","e1",...]}, as UTF-8 JSON.
     *
     * @throws IllegalArgumentException when {@code count} is negative or above {@link #MAX_ELEMENTS}
     */
    public static byte[] keyList(int count) {
        if (count < 0 || count > MAX_ELEMENTS) {
            throw new IllegalArgumentException("a made-up foreach list has 0 to " + MAX_ELEMENTS + " elements; asked for " + count);
        }
        StringBuilder json = new StringBuilder(count * 8 + 2).append('[');
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"e").append(i).append('"');
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
