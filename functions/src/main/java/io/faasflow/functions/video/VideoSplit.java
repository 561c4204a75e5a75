package io.faasflow.functions.video;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Video's {@code split}: cuts upload's video ({@link VideoUpload#SOURCE_VIDEO}) into segments of input
 * {@code segment_time} seconds ({@link Segmenter}), stores each as a named datum under its segment name, and
 * writes output {@code split_keys}, the JSON array of segment names (one transcode run each), and output
 * {@code content}, a JSON manifest: {@code {"video", "frames", "segmentTime", "segments": [{"name",
 * "firstFrame", "frames", "bytes"}]}}.
 */
public final class VideoSplit implements WorkflowFunction {
    public static final String SOURCE = "video/split";
    /** The workflow function whose named datum is the video to cut. */
    static final String UPLOAD = "upload";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run(FunctionContext context) throws IOException {
        String segmentTimeField = VideoInputs.input(context, "segment_time");
        BigDecimal segmentTime = VideoInputs.seconds(VideoInputs.requiredInput(context, "segment_time"), segmentTimeField);
        String videoName = VideoInputs.requiredInput(context, "video_name");
        byte[] video = context.fetchNamed(UPLOAD, VideoUpload.SOURCE_VIDEO);
        List<Segmenter.Segment> segments = Segmenter.cut(video, "function " + context.spec().name() + ": video '"
                + videoName + "' (named datum '" + VideoUpload.SOURCE_VIDEO + "' of function " + UPLOAD + ")",
                segmentTime, segmentTimeField);

        ArrayNode names = JSON.createArrayNode();
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("video", videoName);
        manifest.put("frames", segments.stream().mapToInt(Segmenter.Segment::frames).sum());
        manifest.put("segmentTime", segmentTime);
        ArrayNode entries = manifest.putArray("segments");
        for (Segmenter.Segment segment : segments) {
            context.putNamed(segment.name(), segment.mp4());
            names.add(segment.name());
            entries.addObject()
                    .put("name", segment.name())
                    .put("firstFrame", segment.firstFrame())
                    .put("frames", segment.frames())
                    .put("bytes", segment.mp4().length);
        }
        context.put("content", JSON.writeValueAsBytes(manifest));
        context.put("split_keys", JSON.writeValueAsBytes(names));
    }
}
