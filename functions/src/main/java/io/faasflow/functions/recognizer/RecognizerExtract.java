package io.faasflow.functions.recognizer;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.nio.charset.StandardCharsets;

/**
 * illgal_recognizer's {@code extract}: OCR of upload's image with {@link Tesseract} (English), written to output
 * {@code extracted_text} as UTF-8 with surrounding whitespace dropped.
 */
public final class RecognizerExtract implements WorkflowFunction {
    public static final String SOURCE = "illgal_recognizer/extract";

    @Override
    public void run(FunctionContext context) throws InterruptedException {
        String function = context.spec().name();
        byte[] image = UploadedImage.fetch(context);
        String text;
        try {
            text = Tesseract.locate().recognize(image);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("function " + function + ": " + e.getMessage(), e);
        }
        context.put("extracted_text", text.strip().getBytes(StandardCharsets.UTF_8));
    }
}
