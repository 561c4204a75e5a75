package io.faasflow.functions.recognizer;

import java.awt.image.BufferedImage;

/**
 * Stands in for the original's ResNet50 violence model: blood in a dark scene. In HSV (H in degrees, S and V
 * from 0 to 1), a pixel is blood-red when its hue is within {@value #HUE_SPREAD} degrees of pure red, S is at
 * least {@value #MIN_SATURATION} and V is from {@value #MIN_VALUE} to {@value #MAX_VALUE}; it is dark when V is
 * below {@value #MIN_VALUE}. The score is the blood-red share. The image is flagged when that is at least
 * {@value #FLAG_BLOOD_SHARE} and the dark share at least {@value #FLAG_DARK_SHARE}: red alone (a red car, a
 * sunset, a sign) is common in harmless pictures; pooled blood-red against dark surroundings is not.
 */
final class BloodClassifier {
    static final double HUE_SPREAD = 15;
    static final double MIN_SATURATION = 0.5;
    static final double MIN_VALUE = 0.2;
    static final double MAX_VALUE = 0.9;
    static final double FLAG_BLOOD_SHARE = 0.06;
    static final double FLAG_DARK_SHARE = 0.10;

    private BloodClassifier() {
    }

    static Verdict classify(BufferedImage image) {
        double blood = PixelShare.of(image, BloodClassifier::isBloodRed);
        double dark = PixelShare.of(image, BloodClassifier::isDark);
        boolean flagged = blood >= FLAG_BLOOD_SHARE && dark >= FLAG_DARK_SHARE;
        return new Verdict(flagged, blood, flagged
                ? "violence: blood-red pixels " + Verdict.percent(blood) + " >= " + Verdict.percent(FLAG_BLOOD_SHARE)
                        + " with dark pixels " + Verdict.percent(dark) + " >= " + Verdict.percent(FLAG_DARK_SHARE)
                : Verdict.NO_REASON);
    }

    static boolean isBloodRed(int r, int g, int b) {
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        double value = max / 255.0;
        if (max != r || max == 0 || value < MIN_VALUE || value > MAX_VALUE
                || (double) (max - min) / max < MIN_SATURATION) {
            return false;
        }
        // With red the largest channel, the hue is 60 * (g - b) / (max - min) degrees, negative below 0.
        return Math.abs(60.0 * (g - b) / (max - min)) <= HUE_SPREAD;
    }

    static boolean isDark(int r, int g, int b) {
        return Math.max(r, Math.max(g, b)) / 255.0 < MIN_VALUE;
    }
}
