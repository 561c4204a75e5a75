package io.faasflow.functions.recognizer;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;

/**
 * illgal_recognizer's {@code adult}: {@link SkinToneClassifier} on upload's image, in place of the original's
 * ResNet50 model. Writes {@code illegal_flag}, {@code illegal_reason} and {@code adult_value} (the skin share).
 */
public final class RecognizerAdult implements WorkflowFunction {
    public static final String SOURCE = "illgal_recognizer/adult";

    @Override
    public void run(FunctionContext context) {
        SkinToneClassifier.classify(UploadedImage.decode(context).image()).writeTo(context, "adult_value");
    }
}
