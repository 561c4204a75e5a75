package io.faasflow.functions.recognizer;

import io.faasflow.functions.FunctionContext;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A classifier's answer: whether the image is illegal, its score (a share of pixels, 0 to 1) and why, as
 * text; {@value #NO_REASON} when it is not flagged.
 */
record Verdict(boolean flagged, double score, String reason) {
    static final String NO_REASON = "none";

    /** Writes {@code illegal_flag} (JSON true/false), {@code illegal_reason} (text) and the score as a JSON number. */
    void writeTo(FunctionContext context, String scoreOutput) {
        context.put("illegal_flag", Boolean.toString(flagged).getBytes(StandardCharsets.UTF_8));
        context.put("illegal_reason", reason.getBytes(StandardCharsets.UTF_8));
        context.put(scoreOutput, String.format(Locale.ROOT, "%.4f", score).getBytes(StandardCharsets.UTF_8));
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
