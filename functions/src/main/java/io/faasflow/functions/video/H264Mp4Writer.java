package io.faasflow.functions.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jcodec.api.transcode.PixelStore;
import org.jcodec.api.transcode.SinkImpl;
import org.jcodec.api.transcode.VideoFrameWithPacket;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/**
 * Encodes frames to H.264 (jcodec's baseline encoder) in an MP4 container, in memory, at a constant frame rate.
 * Frames keep their size; every frame of one video must have the same size. Not thread-safe; one use.
 */
final class H264Mp4Writer {
    private final InMemoryChannel out = new InMemoryChannel();
    private final SinkImpl sink;
    private final Rational frameRate;
    private int frames;
    private int width = -1;
    private int height = -1;

    H264Mp4Writer(Rational frameRate) {
        this.frameRate = frameRate;
        this.sink = SinkImpl.createWithStream(out, Format.MOV, Codec.H264, null);
        try {
            sink.init();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends a YUV 4:2:0 frame in the studio range H.264 decoders give ({@link ColorSpace#YUV420}).
     *
     * @throws IllegalArgumentException when its size differs from the first frame's
     */
    void add(Picture yuv420) {
        if (yuv420.getColor() != ColorSpace.YUV420) {
            throw new IllegalArgumentException("the H.264 writer takes YUV420 frames; got " + yuv420.getColor());
        }
        if (frames == 0) {
            width = yuv420.getWidth();
            height = yuv420.getHeight();
        } else if (yuv420.getWidth() != width || yuv420.getHeight() != height) {
            throw new IllegalArgumentException("frame " + frames + " is " + yuv420.getWidth() + "x" + yuv420.getHeight()
                    + " but the video is " + width + "x" + height);
        }
        // jcodec's encoder only accepts YUV420J (full range) but writes no range flag, so every decoder, jcodec's
        // included, reads its samples as studio range. Handing it studio-range samples under the J label keeps
        // colours right across encode and decode, and a re-encode copies decoded samples unchanged.
        Picture asEncoderInput = new Picture(yuv420.getWidth(), yuv420.getHeight(), yuv420.getData(), null,
                ColorSpace.YUV420J, 0, yuv420.getCrop());
        Packet timing = Packet.createPacket(null, (long) frames * frameRate.getDen(), frameRate.getNum(),
                frameRate.getDen(), frames, Packet.FrameType.KEY, null);
        try {
            sink.outputVideoFrame(new VideoFrameWithPacket(timing, new PixelStore.LoanerPicture(asEncoderInput, 0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        frames++;
    }

    /** Decodes every remaining frame of {@code reader} and appends it; returns how many. */
    int addAll(Mp4Reader reader) {
        int added = 0;
        for (Mp4Reader.Frame frame = reader.next(); frame != null; frame = reader.next()) {
            add(frame.picture());
            added++;
        }
        return added;
    }

    int frames() {
        return frames;
    }

    /**
     * Ends the video and gives its bytes.
     *
     * @throws IllegalStateException when no frame was added (an MP4 without frames is of no use here)
     */
    byte[] finish() {
        if (frames == 0) {
            throw new IllegalStateException("a video needs at least one frame");
        }
        try {
            sink.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
