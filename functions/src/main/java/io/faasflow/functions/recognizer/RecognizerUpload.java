package io.faasflow.functions.recognizer;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * illgal_recognizer's {@code upload}: makes the picture the other functions judge. The original put a baked-in
 * 1.33 MB photograph {@code 01.jpg}; this one renders {@link SceneRenderer}'s deterministic 1600 x 1200 JPEG
 * (about 1 MB) and writes it to output {@code content}, with {@code output_prefix}
 * ({@code <user_name>/<image_name without extension>}) and {@code illegal_flag} {@code false}.
 *
 * <p>Invocation input fields: {@value #SCENE_FIELD}, which {@link Scene} to draw ({@code clean}, {@code adult}
 * or {@code violence}; default {@code clean}), and {@value #TEXT_FIELD}, the caption under it (default
 * {@link Caption#DEFAULT_TEXT}; see {@link Caption} for its limits). Global inputs {@code image_name} and
 * {@code user_name} only name the result.
 */
public final class RecognizerUpload implements WorkflowFunction {
    public static final String SOURCE = "illgal_recognizer/upload";
    public static final String SCENE_FIELD = "scene";
    public static final String TEXT_FIELD = "text";

    @Override
    public void run(FunctionContext context) {
        String function = context.spec().name();
        String imageName = ImageNames.imageName(context);
        String userName = ImageNames.userName(context);
        Scene scene = field(context, SCENE_FIELD).map(value -> Scene.parse(value, function, SCENE_FIELD))
                .orElse(Scene.CLEAN);
        Caption caption = Caption.of(field(context, TEXT_FIELD).orElse(Caption.DEFAULT_TEXT), function, TEXT_FIELD);
        byte[] image = ImageCodec.encode(SceneRenderer.render(scene, caption), ImageCodec.JPEG);
        context.put("output_prefix", (userName + "/" + ImageNames.stem(imageName)).getBytes(StandardCharsets.UTF_8));
        context.put("illegal_flag", "false".getBytes(StandardCharsets.UTF_8));
        UploadedImage.put(context, image);
    }

    private static Optional<String> field(FunctionContext context, String field) {
        return context.invocationInput(field).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }
}
