package io.faasflow.functions.recognizer;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;

/**
 * illgal_recognizer's {@code violence}: {@link BloodClassifier} on upload's image, in place of the original's
 * ResNet50 model. Writes {@code illegal_flag}, {@code illegal_reason} and {@code violence_value} (the
 * blood-red share).
 */
public final class RecognizerViolence implements WorkflowFunction {
    public static final String SOURCE = "illgal_recognizer/violence";

    @Override
    public void run(FunctionContext context) {
        BloodClassifier.classify(UploadedImage.decode(context).image()).writeTo(context, "violence_value");
    }
}
