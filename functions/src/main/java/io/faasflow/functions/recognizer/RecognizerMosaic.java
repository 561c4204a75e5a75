package io.faasflow.functions.recognizer;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.nio.charset.StandardCharsets;

/**
 * illgal_recognizer's {@code mosaic}: pixelates upload's image with {@link Pixelator} and writes it, in the
 * input's format, to output {@code content}, and its name {@code <user_name>/mosaic-<image_name>} to
 * {@code mosaic_name}.
 */
public final class RecognizerMosaic implements WorkflowFunction {
    public static final String SOURCE = "illgal_recognizer/mosaic";

    @Override
    public void run(FunctionContext context) {
        String name = ImageNames.userName(context) + "/mosaic-" + ImageNames.imageName(context);
        ImageCodec.Decoded image = UploadedImage.decode(context);
        context.put("content", ImageCodec.encode(Pixelator.pixelate(image.image()), image.format()));
        context.put("mosaic_name", name.getBytes(StandardCharsets.UTF_8));
    }
}
