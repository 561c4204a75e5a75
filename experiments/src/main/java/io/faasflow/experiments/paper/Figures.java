package io.faasflow.experiments.paper;

import java.util.Locale;

/** How reports print numbers: a time-out as {@code timeout}, a missing figure as {@code n/a}. */
final class Figures {
    private Figures() {
    }

    /** Three significant digits, no exponent; null is a time-out. */
    static String text(Double value) {
        if (value == null) {
            return "timeout";
        }
        if (value.isNaN()) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** {@code a / b}; null (a time-out) when either is a time-out; NaN when either is missing or b is 0. */
    static Double ratio(Double a, Double b) {
        if (a == null || b == null) {
            return null;
        }
        return b == 0 ? Double.NaN : a / b;
    }

    /** A ratio as text; a time-out on either side is shown as such, not as a number. */
    static String ratioText(Double a, Double b) {
        return a == null || b == null ? "n/a (timeout)" : text(ratio(a, b)) + "x";
    }

    /** A value a plot can draw: null for a time-out or a figure that is not finite. */
    static Double plottable(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }

    static String csv(Double value) {
        return value == null ? "timeout" : value.isNaN() ? "" : String.format(Locale.ROOT, "%.6f", value);
    }
}
