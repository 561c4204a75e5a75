package io.faasflow.functions.recognizer;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;

/**
 * illgal_recognizer's {@code translate}: writes input {@code extracted_text} unchanged to output
 * {@code translated_text}. An identity, as in the original, whose Google Translate call was disabled; the
 * original then slept 1 s, which this one does not.
 */
public final class RecognizerTranslate implements WorkflowFunction {
    public static final String SOURCE = "illgal_recognizer/translate";

    @Override
    public void run(FunctionContext context) {
        context.put("translated_text", context.fetch("extracted_text"));
    }
}
