package io.faasflow.functions.video;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jcodec.common.model.Rational;
import org.jcodec.scale.AWTUtil;

/**
 * The animated GIF preview of a video: its first {@value #SECONDS} seconds, every {@value #STEP}nd frame, at half
 * size, looping, each frame shown as long as the {@value #STEP} video frames it stands for. Written with the
 * JDK's GIF writer, which picks a palette per frame.
 */
final class GifPreview {
    static final int SECONDS = 3;
    static final int STEP = 2;

    private GifPreview() {
    }

    /**
     * @param what names the video in errors
     * @throws IllegalArgumentException when the video does not decode
     */
    static byte[] of(byte[] video, String what) {
        Mp4Reader reader = Mp4Reader.open(video, what);
        Rational frameRate = reader.frameRate();
        long endTicks = SECONDS * reader.timescale();
        List<BufferedImage> frames = new ArrayList<>();
        for (Mp4Reader.Frame frame = reader.next(); frame != null && frame.pts() < endTicks; frame = reader.next()) {
            if ((reader.decoded() - 1) % STEP == 0) {
                frames.add(halfSize(AWTUtil.toBufferedImage(frame.picture())));
            }
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException(what + " decodes to no frames");
        }
        int delayCentiseconds = Math.max(1, Math.round(100f * STEP * frameRate.getDen() / frameRate.getNum()));
        return write(frames, delayCentiseconds);
    }

    private static BufferedImage halfSize(BufferedImage image) {
        BufferedImage half = new BufferedImage(Math.max(1, image.getWidth() / 2), Math.max(1, image.getHeight() / 2),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = half.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, half.getWidth(), half.getHeight(), null);
        graphics.dispose();
        return half;
    }

    private static byte[] write(List<BufferedImage> frames, int delayCentiseconds) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = frames.get(i);
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                timing(metadata, delayCentiseconds, i == 0);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Sets a frame's delay and, on the first frame, the NETSCAPE2.0 extension that makes viewers loop forever. */
    private static void timing(IIOMetadata metadata, int delayCentiseconds, boolean first) throws IOException {
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            child(root, "ApplicationExtensions").appendChild(loop);
        }
        metadata.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }
}
