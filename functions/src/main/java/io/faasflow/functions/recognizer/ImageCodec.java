package io.faasflow.functions.recognizer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/** Image bytes to pixels and back, with the JDK's ImageIO: JPEG (the workload's {@code 01.jpg}) and PNG. */
final class ImageCodec {
    static final String JPEG = "jpeg";
    static final String PNG = "png";
    /** High enough that the caption stays crisp for the OCR. */
    static final float JPEG_QUALITY = 0.95f;
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ImageCodec() {
    }

    /** A decoded image and the format it was stored in ({@value #JPEG} or {@value #PNG}). */
    record Decoded(BufferedImage image, String format) {
    }

    /** The format the leading bytes (the magic number) announce: {@value #JPEG}, {@value #PNG} or empty. */
    static Optional<String> sniff(byte[] bytes) {
        if (startsWith(bytes, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        return startsWith(bytes, PNG_MAGIC) ? Optional.of(PNG) : Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * Decodes a JPEG or PNG image.
     *
     * @param what names the bytes in errors, e.g. "function adult: upload's image 'content'"
     * @throws IllegalArgumentException when the bytes are neither
     */
    static Decoded decode(byte[] bytes, String what) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!format.equals(JPEG) && !format.equals(PNG)) {
                    continue;
                }
                try {
                    reader.setInput(input, true, true);
                    return new Decoded(reader.read(0), format);
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not a readable JPEG or PNG image: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(what + " is not a JPEG or PNG image (" + bytes.length + " bytes)");
    }

    /** Encodes in {@code format}, {@value #JPEG} at {@link #JPEG_QUALITY} or {@value #PNG}. */
    static byte[] encode(BufferedImage image, String format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals(JPEG)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
