package io.faasflow.functions.video;

/** Decodes a whole video and encodes its frames again in a target format, at the same size and frame rate. */
final class Transcoder {
    private Transcoder() {
    }

    /**
     * @param what names the video in errors
     * @throws IllegalArgumentException when the video does not decode or has no frames
     */
    static EncodedVideo transcode(byte[] video, TargetType target, String what) {
        Mp4Reader reader = Mp4Reader.open(video, what);
        H264Mp4Writer writer = target.writer(reader.frameRate());
        if (writer.addAll(reader) == 0) {
            throw new IllegalArgumentException(what + " decodes to no frames");
        }
        return new EncodedVideo(writer.finish(), writer.frames());
    }
}
