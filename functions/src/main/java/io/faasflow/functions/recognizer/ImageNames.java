package io.faasflow.functions.recognizer;

import io.faasflow.functions.FunctionContext;
import java.nio.charset.StandardCharsets;

/**
 * The workflow's global inputs {@code image_name} and {@code user_name}, which every function on the image side
 * declares: non-blank text of at most {@value #MAX_CHARS} characters, surrounding whitespace dropped.
 */
final class ImageNames {
    static final String IMAGE_NAME = "image_name";
    static final String USER_NAME = "user_name";
    static final int MAX_CHARS = 255;

    private ImageNames() {
    }

    static String imageName(FunctionContext context) {
        return read(context, IMAGE_NAME);
    }

    static String userName(FunctionContext context) {
        return read(context, USER_NAME);
    }

    /** {@code image_name} without its extension: {@code 01.jpg} gives {@code 01}. */
    static String stem(String imageName) {
        int dot = imageName.lastIndexOf('.');
        return dot > 0 ? imageName.substring(0, dot) : imageName;
    }

    private static String read(FunctionContext context, String input) {
        String value = new String(context.fetch(input), StandardCharsets.UTF_8).strip();
        if (value.isEmpty() || value.length() > MAX_CHARS) {
            throw new IllegalArgumentException("function " + context.spec().name() + ": input '" + input
                    + "' must be 1 to " + MAX_CHARS + " characters besides surrounding whitespace; got "
                    + value.length());
        }
        return value;
    }
}
