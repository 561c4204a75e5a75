package io.faasflow.experiments.replay;

import java.util.Locale;

/**
 * An open-loop arrival rate, written {@code 50/s}, {@code 6/min} or a bare number of invocations per second.
 *
 * @param perSecond invocations per second; positive and finite
 */
public record ArrivalRate(double perSecond) {

    public ArrivalRate {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate must be a positive number; got " + perSecond + "/s");
        }
    }

    public static ArrivalRate perMinute(double perMinute) {
        return new ArrivalRate(perMinute / 60.0);
    }

    /**
     * @throws IllegalArgumentException naming {@code text} when it is not {@code N}, {@code N/s} or {@code N/min}
     */
    public static ArrivalRate parse(String text) {
        return parse("rate", text);
    }

    /** As {@link #parse(String)}; an error names the option {@code --<option>}. */
    public static ArrivalRate parse(String option, String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        int slash = trimmed.indexOf('/');
        String number = slash < 0 ? trimmed : trimmed.substring(0, slash);
        String unit = slash < 0 ? "s" : trimmed.substring(slash + 1);
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " must be N/s or N/min; got '" + text + "'");
        }
        return switch (unit) {
            case "s", "sec", "second" -> new ArrivalRate(value);
            case "min", "m", "minute" -> perMinute(value);
            default -> throw new IllegalArgumentException("--" + option + " must be N/s or N/min; got '" + text + "'");
        };
    }

    public long intervalNanos() {
        return Math.round(1e9 / perSecond);
    }

    public String describe() {
        return perSecond >= 1 ? String.format(Locale.ROOT, "%.4g/s", perSecond)
                : String.format(Locale.ROOT, "%.4g/min", perSecond * 60);
    }
}
