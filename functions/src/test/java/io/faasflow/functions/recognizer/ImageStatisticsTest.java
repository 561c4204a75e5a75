package io.faasflow.functions.recognizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The pixel rules of the classifiers and the mosaic, on known colours and tiny images. */
class ImageStatisticsTest {
    @Test
    void shouldTellSkinTonesByChaiAndNgansChrominanceBox() {
        assertTrue(SkinToneClassifier.isSkin(232, 182, 150), "light skin");
        assertTrue(SkinToneClassifier.isSkin(198, 140, 110), "shaded skin");
        assertTrue(SkinToneClassifier.isSkin(141, 85, 36), "dark brown skin");
        assertFalse(SkinToneClassifier.isSkin(128, 128, 128), "grey: Cr 128 < 133");
        assertFalse(SkinToneClassifier.isSkin(140, 8, 14), "blood red: Cr about 190 > 173");
        assertFalse(SkinToneClassifier.isSkin(96, 150, 228), "sky blue: Cb > 127");
        assertFalse(SkinToneClassifier.isSkin(70, 150, 80), "grass: Cr < 133");
    }

    @Test
    void shouldTellBloodRedAndDarkPixelsInHsv() {
        assertTrue(BloodClassifier.isBloodRed(140, 8, 14));
        assertTrue(BloodClassifier.isBloodRed(178, 18, 26));
        assertTrue(BloodClassifier.isBloodRed(200, 40, 10), "hue about 11 degrees");
        assertFalse(BloodClassifier.isBloodRed(200, 80, 10), "orange: hue about 22 degrees");
        assertFalse(BloodClassifier.isBloodRed(232, 182, 150), "skin: not saturated enough");
        assertFalse(BloodClassifier.isBloodRed(40, 2, 4), "too dark to read as red: V < 0.2");
        assertFalse(BloodClassifier.isBloodRed(250, 20, 20), "V > 0.9");
        assertTrue(BloodClassifier.isDark(18, 20, 28));
        assertFalse(BloodClassifier.isDark(70, 72, 80));
    }

    @Test
    void shouldFlagOnlyWhenBothBloodAndDarknessReachTheirShares() {
        assertFalse(BloodClassifier.classify(twoColours(0xB0121A, 0xDCDCDC, 50)).flagged(), "red on white");
        Verdict bloody = BloodClassifier.classify(twoColours(0xB0121A, 0x12141C, 50));
        assertTrue(bloody.flagged(), bloody.toString());
        assertEquals(0.5, bloody.score(), 1e-9);
        assertTrue(bloody.reason().startsWith("violence: blood-red pixels 50.0%"), bloody.reason());
        assertEquals(Verdict.NO_REASON, SkinToneClassifier.classify(twoColours(0xE8B696, 0xBAC4D2, 20)).reason());
        assertTrue(SkinToneClassifier.classify(twoColours(0xE8B696, 0xBAC4D2, 25)).flagged(), "25% is the threshold");
    }

    @Test
    void shouldAverageEachBlockIncludingTheSmallerEdgeBlocks() {
        BufferedImage image = new BufferedImage(20, 17, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 17; y++) {
            for (int x = 0; x < 20; x++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }
        image.setRGB(19, 16, 0x102030);
        BufferedImage mosaic = Pixelator.pixelate(image);
        assertEquals(20, mosaic.getWidth());
        assertEquals(17, mosaic.getHeight());
        assertEquals(0x808080, mosaic.getRGB(0, 0) & 0xFFFFFF, "a 16 x 16 checkerboard averages to mid grey");
        assertEquals(mosaic.getRGB(0, 0), mosaic.getRGB(15, 15));
        assertEquals(0x80, mosaic.getRGB(16, 0) & 0xFF, "4 x 16 edge block");
        assertEquals(0x84888C, mosaic.getRGB(19, 16) & 0xFFFFFF, "4 x 1 corner block: white, black, white, 0x102030");
    }

    /** A 100 x 100 image, the first {@code percent} rows {@code first}, the rest {@code rest}. */
    private static BufferedImage twoColours(int first, int rest, int percent) {
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                image.setRGB(x, y, y < percent ? first : rest);
            }
        }
        return image;
    }
}
