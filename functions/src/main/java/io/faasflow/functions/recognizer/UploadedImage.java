package io.faasflow.functions.recognizer;

import io.faasflow.functions.FunctionContext;

/**
 * How {@code upload}'s image reaches the functions that judge it. The YAML has {@code adult}, {@code violence},
 * {@code extract} and {@code mosaic} declare only {@code image_name} and {@code user_name} (the original read the
 * picture through FaaSFlow's untyped store), so {@code upload} writes the image twice: as its declared output
 * {@code content}, placed by the plan (which sees no reader and keeps it in upload's node memory), and as named
 * datum {@value #NAME}, which goes to upload's node memory and the shared store so a reader on any node finds it.
 */
final class UploadedImage {
    static final String PRODUCER = "upload";
    static final String NAME = "image";

    private UploadedImage() {
    }

    static void put(FunctionContext context, byte[] image) {
        context.put("content", image);
        context.putNamed(NAME, image);
    }

    /**
     * The image's bytes.
     *
     * @throws IllegalArgumentException naming the reading function when they are not a JPEG or PNG image (checked
     *     by magic number: tesseract would take any other input on its stdin for a list of file names to read)
     */
    static byte[] fetch(FunctionContext context) {
        byte[] image = context.fetchNamed(PRODUCER, NAME);
        if (ImageCodec.sniff(image).isEmpty()) {
            throw new IllegalArgumentException(what(context) + " is not a JPEG or PNG image (" + image.length + " bytes)");
        }
        return image;
    }

    /** The image, decoded; errors name the reading function. */
    static ImageCodec.Decoded decode(FunctionContext context) {
        return ImageCodec.decode(fetch(context), what(context));
    }

    private static String what(FunctionContext context) {
        return "function " + context.spec().name() + ": " + PRODUCER + "'s image '" + NAME + "'";
    }
}
