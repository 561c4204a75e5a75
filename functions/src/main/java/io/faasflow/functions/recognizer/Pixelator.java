package io.faasflow.functions.recognizer;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Mosaic by block averaging: the image is cut into {@value #BLOCK} x {@value #BLOCK} pixel blocks (smaller at
 * the right and bottom edges) and every pixel of a block gets the block's mean R, G and B. At 16 pixels the
 * 48-pixel caption is no longer legible and shapes are reduced to coloured tiles.
 */
final class Pixelator {
    static final int BLOCK = 16;

    private Pixelator() {
    }

    static BufferedImage pixelate(BufferedImage source) {
        int width = source.getWidth();
        int height = source.getHeight();
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] block = new int[BLOCK * BLOCK];
        for (int top = 0; top < height; top += BLOCK) {
            for (int left = 0; left < width; left += BLOCK) {
                int w = Math.min(BLOCK, width - left);
                int h = Math.min(BLOCK, height - top);
                source.getRGB(left, top, w, h, block, 0, w);
                long r = 0;
                long g = 0;
                long b = 0;
                int pixels = w * h;
                for (int i = 0; i < pixels; i++) {
                    r += block[i] >> 16 & 0xff;
                    g += block[i] >> 8 & 0xff;
                    b += block[i] & 0xff;
                }
                int mean = (int) ((r + pixels / 2) / pixels) << 16 | (int) ((g + pixels / 2) / pixels) << 8
                        | (int) ((b + pixels / 2) / pixels);
                Arrays.fill(block, 0, pixels, mean);
                result.setRGB(left, top, w, h, block, 0, w);
            }
        }
        return result;
    }
}
