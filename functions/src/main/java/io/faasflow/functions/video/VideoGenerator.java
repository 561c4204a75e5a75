package io.faasflow.functions.video;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;
import org.jcodec.scale.AWTUtil;
import org.jcodec.scale.ColorUtil;
import org.jcodec.scale.Transform;

/**
 * Makes the source video of the video workload: {@value #WIDTH}x{@value #HEIGHT} at {@value #FPS} frames per
 * second, H.264 in MP4. Every frame is drawn from its index alone (a scrolling colour gradient, a bouncing
 * square, the frame number in seven-segment digits and a progress bar), so the same duration always gives the
 * same frames and consecutive frames differ.
 */
final class VideoGenerator {
    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    static final int FPS = 10;

    private static final int SQUARE = 40;
    private static final int DIGIT_WIDTH = 12;
    private static final int DIGIT_HEIGHT = 20;
    private static final int STROKE = 3;
    private static final int DIGITS = 4;
    /** Segments a to g of the digits 0 to 9, bit 0 = a (top), clockwise, bit 6 = g (middle). */
    private static final int[] SEGMENTS = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F};

    private VideoGenerator() {
    }

    /** The MP4 of a video of {@code seconds} seconds, {@code seconds x FPS} frames. */
    static byte[] generate(int seconds) {
        int frames = seconds * FPS;
        H264Mp4Writer writer = new H264Mp4Writer(Rational.R(FPS, 1));
        Transform toYuv = ColorUtil.getTransform(ColorSpace.RGB, ColorSpace.YUV420);
        for (int index = 0; index < frames; index++) {
            Picture yuv = Picture.create(WIDTH, HEIGHT, ColorSpace.YUV420);
            toYuv.transform(AWTUtil.fromBufferedImageRGB(frame(index, frames)), yuv);
            writer.add(yuv);
        }
        return writer.finish();
    }

    /** Frame {@code index} of a video of {@code frames} frames, as RGB. */
    static BufferedImage frame(int index, int frames) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int red = triangle(x * 255 / WIDTH + 6 * index);
                int green = 40 + triangle(y * 255 / HEIGHT + 3 * index) / 2;
                int blue = 255 - triangle((x + y) * 255 / (WIDTH + HEIGHT) + 2 * index) / 2;
                pixels[y * WIDTH + x] = red << 16 | green << 8 | blue;
            }
        }
        fill(pixels, bounce(7 * index, WIDTH - SQUARE), bounce(5 * index + 30, HEIGHT - SQUARE), SQUARE, SQUARE, 0xFFD020);
        drawNumber(pixels, index);
        int bar = frames <= 1 ? WIDTH : (index * WIDTH) / (frames - 1);
        fill(pixels, 0, HEIGHT - 6, WIDTH, 6, 0x202020);
        fill(pixels, 0, HEIGHT - 6, bar, 6, 0x30E060);
        return image;
    }

    /** 0 up to 255 and back down, period 512: a gradient without a hard edge. */
    private static int triangle(int value) {
        int phase = Math.floorMod(value, 512);
        return phase < 256 ? phase : 511 - phase;
    }

    /** Position {@code travel} folded into [0, range], as a ball bouncing between two walls. */
    private static int bounce(int travel, int range) {
        int phase = Math.floorMod(travel, 2 * range);
        return phase <= range ? phase : 2 * range - phase;
    }

    private static void drawNumber(int[] pixels, int number) {
        int left = 6;
        int top = 6;
        fill(pixels, left - 3, top - 3, DIGITS * (DIGIT_WIDTH + 4) + 2, DIGIT_HEIGHT + 6, 0x000000);
        for (int position = DIGITS - 1, rest = number; position >= 0; position--, rest /= 10) {
            drawDigit(pixels, left + position * (DIGIT_WIDTH + 4), top, SEGMENTS[rest % 10]);
        }
    }

    private static void drawDigit(int[] pixels, int x, int y, int segments) {
        int half = DIGIT_HEIGHT / 2;
        int right = DIGIT_WIDTH - STROKE;
        // x, y, width, height of segments a to g
        int[][] rectangles = {
            {0, 0, DIGIT_WIDTH, STROKE}, {right, 0, STROKE, half}, {right, half, STROKE, half},
            {0, DIGIT_HEIGHT - STROKE, DIGIT_WIDTH, STROKE}, {0, half, STROKE, half}, {0, 0, STROKE, half},
            {0, half - STROKE / 2, DIGIT_WIDTH, STROKE},
        };
        for (int segment = 0; segment < rectangles.length; segment++) {
            if ((segments & 1 << segment) != 0) {
                int[] r = rectangles[segment];
                fill(pixels, x + r[0], y + r[1], r[2], r[3], 0xFFFFFF);
            }
        }
    }

    private static void fill(int[] pixels, int x, int y, int width, int height, int rgb) {
        for (int row = Math.max(0, y); row < Math.min(HEIGHT, y + height); row++) {
            for (int column = Math.max(0, x); column < Math.min(WIDTH, x + width); column++) {
                pixels[row * WIDTH + column] = rgb;
            }
        }
    }
}
