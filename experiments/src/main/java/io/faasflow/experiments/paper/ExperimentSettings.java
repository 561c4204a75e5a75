package io.faasflow.experiments.paper;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the experiments run. The embedded cluster compresses time: synthetic functions run {@code runtimeScale}
 * of their declared time, so arrival rates are divided by it and client time-outs multiplied by it; data is
 * {@code sizeScale} of its declared size, so a bandwidth cap is multiplied by {@code sizeScale / runtimeScale},
 * which keeps every transfer's share of a function's time as in the paper.
 *
 * @param home the faasflow checkout
 * @param work where clusters keep their logs
 * @param out where reports go (CSV, PNG, markdown)
 * @param quick the small version, for CI
 * @param nodes worker nodes of each cluster (the paper's 7)
 * @param runtimeScale multiplier of declared function runtimes
 * @param sizeScale multiplier of declared data sizes
 */
public record ExperimentSettings(Path home, Path work, Path out, boolean quick, int nodes, double runtimeScale,
        double sizeScale) {

    public ExperimentSettings {
        if (nodes < 2) {
            throw new IllegalArgumentException("--nodes must be at least 2 (cross-node data needs two); got " + nodes);
        }
        if (!(runtimeScale > 0) || !(sizeScale > 0)) {
            throw new IllegalArgumentException("--runtime-scale and --size-scale must be positive; got " + runtimeScale
                    + " and " + sizeScale);
        }
    }

    /** A duration of the paper (a time-out, a measuring window) on this cluster's compressed clock. */
    public Duration scaled(Duration paper) {
        return Duration.ofNanos(Math.round(paper.toNanos() * runtimeScale));
    }

    /** An arrival rate of the paper, per minute, on this cluster's compressed clock, per second. */
    public double scaledPerSecond(double paperPerMinute) {
        return paperPerMinute / 60.0 / runtimeScale;
    }

    /** A bandwidth of the paper, MB/s, as bytes per second of this cluster's scaled data and clock. */
    public double scaledBandwidth(double paperMegabytesPerSecond) {
        return paperMegabytesPerSecond * 1_000_000 * sizeScale / runtimeScale;
    }

    public Path reportDir(String experiment) {
        return out.resolve(experiment);
    }
}
