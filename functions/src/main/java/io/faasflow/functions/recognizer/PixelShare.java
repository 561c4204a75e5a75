package io.faasflow.functions.recognizer;

import java.awt.image.BufferedImage;

/** The share of an image's pixels that pass a test on their 8-bit R, G and B. */
final class PixelShare {
    @FunctionalInterface
    interface RgbTest {
        boolean test(int r, int g, int b);
    }

    private PixelShare() {
    }

    static double of(BufferedImage image, RgbTest test) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] row = new int[width];
        long hits = 0;
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int rgb : row) {
                if (test.test(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff)) {
                    hits++;
                }
            }
        }
        return (double) hits / ((long) width * height);
    }
}
