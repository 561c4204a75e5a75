package io.faasflow.functions;

import io.faasflow.functions.fill.FillFunction;
import io.faasflow.functions.synthetic.SyntheticFunction;
import io.faasflow.functions.synthetic.SyntheticScale;

/** The implementations that ship with faasflow, ready to register. */
public final class BuiltInFunctions {
    private BuiltInFunctions() {
    }

    /** A registry of every built-in function; the synthetic one uses {@code scale}. */
    public static FunctionRegistry registry(SyntheticScale scale) {
        return FunctionRegistry.builder()
                .register(FunctionRegistry.SYNTHETIC, new SyntheticFunction(scale))
                .register("noop", context -> { })
                .register(FillFunction.SOURCE, new FillFunction())
                .build();
    }
}
