package io.faasflow.functions.recognizer;

import java.awt.image.BufferedImage;

/**
 * Stands in for the original's ResNet50 adult-content model: the share of skin-tone pixels. A pixel is skin
 * when its chrominance lies in Chai and Ngan's skin-colour map (IEEE Trans. CSVT 9(4), 1999): Cb in
 * [{@value #CB_MIN}, {@value #CB_MAX}] and Cr in [{@value #CR_MIN}, {@value #CR_MAX}], with Cb and Cr from
 * full-range ITU-R BT.601 YCbCr (as in JPEG). The image is flagged when at least {@value #FLAG_SHARE} of its
 * pixels are skin: exposed skin filling a quarter of the frame, where a portrait or a street scene has a few
 * per cent.
 */
final class SkinToneClassifier {
    static final int CB_MIN = 77;
    static final int CB_MAX = 127;
    static final int CR_MIN = 133;
    static final int CR_MAX = 173;
    static final double FLAG_SHARE = 0.25;

    private SkinToneClassifier() {
    }

    static Verdict classify(BufferedImage image) {
        double share = PixelShare.of(image, SkinToneClassifier::isSkin);
        boolean flagged = share >= FLAG_SHARE;
        return new Verdict(flagged, share, flagged
                ? "adult: skin-tone pixels " + Verdict.percent(share) + " >= " + Verdict.percent(FLAG_SHARE)
                : Verdict.NO_REASON);
    }

    static boolean isSkin(int r, int g, int b) {
        double cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
        double cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
        return cb >= CB_MIN && cb <= CB_MAX && cr >= CR_MIN && cr <= CR_MAX;
    }
}
