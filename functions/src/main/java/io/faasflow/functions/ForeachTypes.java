package io.faasflow.functions;

import io.faasflow.topology.model.InputSpec;
import io.faasflow.topology.model.OutputSpec;

/** The YAML {@code type} values that mark foreach data. */
public final class ForeachTypes {
    /** Output type of a foreach list, stored as a UTF-8 JSON array. */
    public static final String KEYS = "keys";
    /** Input type of a foreach list read element by element (a foreach function) or whole (a merge function). */
    public static final String KEY = "key";

    private ForeachTypes() {
    }

    /** Whether an output is a foreach list. */
    public static boolean isKeys(OutputSpec output) {
        return KEYS.equals(output.type());
    }

    /** Whether an input reads a foreach list. */
    public static boolean isKey(InputSpec input) {
        return KEY.equals(input.type());
    }
}
