package io.faasflow.functions.recognizer;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.nio.charset.StandardCharsets;

/**
 * illgal_recognizer's {@code word_censor}: looks for {@link WordFilter#KEYWORDS} in input
 * {@code translated_text} and writes {@code filter_count} (the number of whole-word matches, a JSON number),
 * {@code illegal_flag} (JSON {@code true} when there is a match) and {@code illegal_reason}
 * ({@code censored words: a, b} in order of first match, else {@value Verdict#NO_REASON}).
 */
public final class RecognizerWordCensor implements WorkflowFunction {
    public static final String SOURCE = "illgal_recognizer/word_censor";
    private static final WordFilter FILTER = WordFilter.bundled();

    @Override
    public void run(FunctionContext context) {
        WordFilter.Result result = FILTER.scan(new String(context.fetch("translated_text"), StandardCharsets.UTF_8));
        context.put("filter_count", Integer.toString(result.count()).getBytes(StandardCharsets.UTF_8));
        context.put("illegal_flag", Boolean.toString(result.flagged()).getBytes(StandardCharsets.UTF_8));
        String reason = result.flagged() ? "censored words: " + String.join(", ", result.keywords()) : Verdict.NO_REASON;
        context.put("illegal_reason", reason.getBytes(StandardCharsets.UTF_8));
    }
}
