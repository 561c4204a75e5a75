package io.faasflow.functions.video;

import java.io.IOException;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.api.PictureWithMetadata;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;
import org.jcodec.common.model.RationalLarge;
import org.jcodec.containers.mp4.demuxer.AbstractMP4DemuxerTrack;

/**
 * Decodes the video track of an H.264 MP4 in memory, frame by frame in display order. Frame counts anywhere in
 * the video workflow come from here: frames really decoded, not the container's sample count.
 */
final class Mp4Reader {
    private final FrameGrab grab;
    private final AbstractMP4DemuxerTrack track;
    private final String what;
    private int decoded;

    private Mp4Reader(FrameGrab grab, AbstractMP4DemuxerTrack track, String what) {
        this.grab = grab;
        this.track = track;
        this.what = what;
    }

    /**
     * A reader of {@code mp4}.
     *
     * @param what names the video in errors, e.g. "named datum 'segment-001.mp4' of function split"
     * @throws IllegalArgumentException when the bytes are not an MP4 with an H.264 video track
     */
    static Mp4Reader open(byte[] mp4, String what) {
        FrameGrab grab;
        try {
            grab = FrameGrab.createFrameGrab(new InMemoryChannel(mp4));
        } catch (IOException | JCodecException | RuntimeException e) {
            throw new IllegalArgumentException(what + " is not an H.264 MP4 video (" + mp4.length + " bytes): " + e, e);
        }
        if (!(grab.getVideoTrack() instanceof AbstractMP4DemuxerTrack track)) {
            throw new IllegalArgumentException(what + " is not an MP4 video (" + mp4.length + " bytes)");
        }
        return new Mp4Reader(grab, track, what);
    }

    /** How many frames {@code mp4} decodes to. */
    static int countFrames(byte[] mp4, String what) {
        Mp4Reader reader = open(mp4, what);
        while (reader.next() != null) {
            // decode only to count
        }
        return reader.decoded();
    }

    /**
     * The next frame in display order (a YUV 4:2:0 picture the next call may reuse), or null after the last.
     *
     * @throws IllegalArgumentException when the stream is corrupt
     */
    Frame next() {
        PictureWithMetadata frame;
        try {
            frame = grab.getNativeFrameWithMetadata();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(what + ": frame " + decoded + " does not decode: " + e, e);
        }
        if (frame == null) {
            return null;
        }
        decoded++;
        return new Frame(frame.getPicture(), Math.round(frame.getTimestamp() * track.getTimescale()));
    }

    /** Frames {@link #next} has given so far. */
    int decoded() {
        return decoded;
    }

    /** Ticks per second of the track's timestamps. */
    long timescale() {
        return track.getTimescale();
    }

    /** The track's duration in seconds, as the container states it. */
    RationalLarge duration() {
        return track.getDuration();
    }

    /** Frames per second, from the container's sample count and duration (the videos here have a constant rate). */
    Rational frameRate() {
        RationalLarge duration = track.getDuration();
        long frames = track.getFrameCount();
        if (frames <= 0 || duration.getNum() <= 0) {
            throw new IllegalArgumentException(what + " has no video frames (container: " + frames + " samples, duration "
                    + duration.getNum() + "/" + duration.getDen() + " s)");
        }
        // frames / (num / den) = frames * den / num
        long num = frames * duration.getDen();
        long den = duration.getNum();
        long gcd = gcd(num, den);
        return Rational.R((int) (num / gcd), (int) (den / gcd));
    }

    /** A frame rate as text: {@code 10} or {@code 30000/1001}. */
    static String format(Rational frameRate) {
        return frameRate.getDen() == 1 ? Integer.toString(frameRate.getNum()) : frameRate.getNum() + "/" + frameRate.getDen();
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** One decoded frame and its presentation time in ticks of {@link #timescale}. */
    record Frame(Picture picture, long pts) {
    }
}
