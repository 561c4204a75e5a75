package io.faasflow.functions.video;

import java.util.List;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/**
 * Joins videos end to end into one: decodes each in turn and encodes every frame into a single video, so the
 * result has exactly the parts' frames in order. The parts must share frame size and frame rate.
 */
final class Concatenator {
    private Concatenator() {
    }

    /**
     * @param names names each part in errors, in the order of {@code parts}
     * @throws IllegalArgumentException when there is no part, a part does not decode or has no frames, or the
     *     parts differ in frame size or rate
     */
    static EncodedVideo concatenate(List<byte[]> parts, List<String> names, TargetType target) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("there is no video to join");
        }
        H264Mp4Writer writer = null;
        Rational frameRate = null;
        String size = null;
        for (int i = 0; i < parts.size(); i++) {
            Mp4Reader reader = Mp4Reader.open(parts.get(i), names.get(i));
            Rational rate = reader.frameRate();
            Mp4Reader.Frame first = reader.next();
            if (first == null) {
                throw new IllegalArgumentException(names.get(i) + " decodes to no frames");
            }
            String partSize = sizeOf(first.picture());
            if (writer == null) {
                frameRate = rate;
                size = partSize;
                writer = target.writer(rate);
            } else if (rate.getNum() != frameRate.getNum() || rate.getDen() != frameRate.getDen()) {
                throw new IllegalArgumentException(names.get(i) + " runs at " + Mp4Reader.format(rate) + " frames per"
                        + " second but " + names.get(0) + " at " + Mp4Reader.format(frameRate) + "; only videos of one"
                        + " frame rate can be joined");
            } else if (!partSize.equals(size)) {
                throw new IllegalArgumentException(names.get(i) + " has " + partSize + " frames but " + names.get(0)
                        + " has " + size + "; only videos of one frame size can be joined");
            }
            writer.add(first.picture());
            writer.addAll(reader);
        }
        return new EncodedVideo(writer.finish(), writer.frames());
    }

    private static String sizeOf(Picture picture) {
        return picture.getWidth() + "x" + picture.getHeight();
    }
}
