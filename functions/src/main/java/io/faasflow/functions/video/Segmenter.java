package io.faasflow.functions.video;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jcodec.common.model.RationalLarge;

/**
 * Cuts a video into segments of a fixed length, as {@code ffmpeg -f segment -segment_time} does: the frame
 * shown at time t goes to segment floor(t / segment_time), and each segment becomes a video of its own (starting
 * at time 0) at the source's frame rate. That gives ceil(duration / segment_time) segments when segment_time is
 * a whole number of frames; otherwise a last segment no frame starts in is left out.
 */
final class Segmenter {
    private Segmenter() {
    }

    /** One segment: its name, the index of its first frame in the source, how many frames it has, its MP4. */
    record Segment(String name, int firstFrame, int frames, byte[] mp4) {
    }

    /** The name of segment {@code index}. */
    static String name(int index) {
        return String.format(Locale.ROOT, "segment-%03d.mp4", index);
    }

    /**
     * @param what names the video in errors
     * @param segmentTimeField names the segment length in errors, e.g. "function split: input 'segment_time'"
     * @throws IllegalArgumentException when the video does not decode, when the segment length would give more
     *     than {@value VideoInputs#MAX_SEGMENTS} segments, or when it is shorter than a frame
     */
    static List<Segment> cut(byte[] video, String what, BigDecimal segmentTime, String segmentTimeField) {
        Mp4Reader reader = Mp4Reader.open(video, what);
        RationalLarge duration = reader.duration();
        BigDecimal seconds = BigDecimal.valueOf(duration.getNum()).divide(BigDecimal.valueOf(duration.getDen()), 3,
                RoundingMode.HALF_UP);
        long planned = BigDecimal.valueOf(duration.getNum())
                .divide(BigDecimal.valueOf(duration.getDen()).multiply(segmentTime), 0, RoundingMode.CEILING)
                .longValueExact();
        if (planned > VideoInputs.MAX_SEGMENTS) {
            throw new IllegalArgumentException(segmentTimeField + " is " + segmentTime.toPlainString() + " s, which would"
                    + " cut the " + seconds.stripTrailingZeros().toPlainString() + " s video into " + planned
                    + " segments; at most " + VideoInputs.MAX_SEGMENTS);
        }
        BigDecimal ticksPerSegment = segmentTime.multiply(BigDecimal.valueOf(reader.timescale()));
        List<Segment> segments = new ArrayList<>();
        H264Mp4Writer writer = null;
        int current = -1;
        int firstFrame = 0;
        for (Mp4Reader.Frame frame = reader.next(); frame != null; frame = reader.next()) {
            int index = BigDecimal.valueOf(frame.pts()).divide(ticksPerSegment, 0, RoundingMode.FLOOR).intValueExact();
            if (index != current) {
                if (index != current + 1 || index >= VideoInputs.MAX_SEGMENTS) {
                    throw new IllegalArgumentException(segmentTimeField + " is " + segmentTime.toPlainString() + " s:"
                            + " frame " + (reader.decoded() - 1) + " of " + what + " falls in segment " + index
                            + " right after segment " + current + ", so a segment would have no frame; a segment must"
                            + " be at least one frame long (the video has " + Mp4Reader.format(reader.frameRate())
                            + " frames per second)");
                }
                if (writer != null) {
                    segments.add(new Segment(name(current), firstFrame, writer.frames(), writer.finish()));
                }
                writer = new H264Mp4Writer(reader.frameRate());
                current = index;
                firstFrame = reader.decoded() - 1;
            }
            writer.add(frame.picture());
        }
        if (writer == null) {
            throw new IllegalArgumentException(what + " decodes to no frames");
        }
        segments.add(new Segment(name(current), firstFrame, writer.frames(), writer.finish()));
        return segments;
    }
}
