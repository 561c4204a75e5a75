package io.faasflow.functions.synthetic;

/**
 * Multipliers applied to declared runtimes and data sizes by the synthetic function (and to generated
 * global inputs). {@code 1.0} reproduces the original's declared values.
 *
 * @param runtime multiplier of {@code runtime} seconds, at least 0
 * @param size multiplier of {@code size} bytes, at least 0
 */
public record SyntheticScale(double runtime, double size) {
    public static final SyntheticScale UNSCALED = new SyntheticScale(1.0, 1.0);

    public SyntheticScale {
        if (!(runtime >= 0) || !(size >= 0)) {
            throw new IllegalArgumentException("scales must be at least 0; got runtime " + runtime + ", size " + size);
        }
    }

    /** Scaled size in bytes, capped at the largest array. */
    public int bytes(long declared) {
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.round(declared * size));
    }
}
