package io.faasflow.experiments.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Order statistics of a sample (nearest-rank). */
public record Percentiles(int count, double p50, double p90, double p99, double max) {

    public static Percentiles of(List<Double> samples) {
        if (samples.isEmpty()) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public String describe(String unit) {
        return String.format(Locale.ROOT, "n=%d p50=%.3f%s p90=%.3f%s p99=%.3f%s max=%.3f%s", count, p50, unit, p90, unit,
                p99, unit, max, unit);
    }
}
