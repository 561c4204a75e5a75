package io.faasflow.functions.video;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jcodec.common.model.Rational;

/**
 * The formats transcode, merge and simple_process can write: those jcodec can encode and mux. jcodec has no AVI
 * muxer, so the original's {@code avi} is refused rather than mislabelled.
 */
enum TargetType {
    /** H.264 baseline in an MP4 container. */
    MP4("mp4");

    static final TargetType DEFAULT = MP4;

    private final String extension;

    TargetType(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }

    /** A writer of this format at {@code frameRate}. */
    H264Mp4Writer writer(Rational frameRate) {
        return new H264Mp4Writer(frameRate);
    }

    static List<String> supported() {
        return Arrays.stream(values()).map(TargetType::extension).toList();
    }

    /**
     * The type named {@code value} (case and surrounding blanks ignored).
     *
     * @param what names the value in errors, e.g. "function transcode: input 'target_type'"
     * @throws IllegalArgumentException naming {@code what} and the supported types when there is none such
     */
    static TargetType parse(String value, String what) {
        String name = value.strip().toLowerCase(Locale.ROOT);
        for (TargetType type : values()) {
            if (type.extension.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException(what + " is '" + VideoInputs.abbreviate(value) + "', which cannot be written"
                + " (jcodec 0.2.5 encodes H.264 and muxes MP4, but has no AVI or FLV muxer); supported: " + supported());
    }
}
