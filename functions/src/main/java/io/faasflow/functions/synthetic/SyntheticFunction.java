package io.faasflow.functions.synthetic;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import io.faasflow.topology.model.OutputSpec;
import java.util.Arrays;

/**
 * The function of FaaSFlow's generated scientific workflows: fetches every declared input, sleeps the
 * declared {@code runtime}, then puts every declared output at its declared {@code size} (filled with
 * {@code 'a'}). Both are multiplied by the scales, so tests can run 50-function workflows in seconds.
 */
public final class SyntheticFunction implements WorkflowFunction {
    private final SyntheticScale scale;

    public SyntheticFunction(SyntheticScale scale) {
        this.scale = scale;
    }

    @Override
    public void run(FunctionContext context) throws InterruptedException {
        for (String input : context.spec().inputs().keySet()) {
            context.fetch(input);
        }
        long sleepMicros = Math.round(context.spec().runtimeSeconds() * scale.runtime() * 1_000_000);
        if (sleepMicros > 0) {
            Thread.sleep(sleepMicros / 1000, (int) (sleepMicros % 1000) * 1000);
        }
        for (OutputSpec output : context.spec().outputs().values()) {
            context.put(output.key(), filler(scale.bytes(output.size())));
        }
    }

    /** {@code size} bytes of {@code 'a'}, as the original's {@code 'a' * size}. */
    public static byte[] filler(int size) {
        byte[] value = new byte[size];
        Arrays.fill(value, (byte) 'a');
        return value;
    }
}
