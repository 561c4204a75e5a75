package io.faasflow.functions.video;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.io.IOException;

/**
 * Video's {@code transcode}, one run per segment: reads its element of {@code split_keys} (a segment name),
 * that segment from split's named data, and re-encodes it to input {@code target_type} ({@link Transcoder}).
 * Stores the result as named datum {@value #TRANSCODED} (per run, so merge reads them all in order) and writes
 * output {@code content}: {@code {"segment", "targetType", "frames", "bytes"}}.
 */
public final class VideoTranscode implements WorkflowFunction {
    public static final String SOURCE = "video/transcode";
    /** The named datum holding a run's transcoded segment. */
    public static final String TRANSCODED = "transcoded";
    /** The workflow function whose named data are the segments. */
    static final String SPLIT = "split";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run(FunctionContext context) throws IOException {
        String segment = VideoInputs.requiredInput(context, "split_keys");
        TargetType target = TargetType.parse(VideoInputs.requiredInput(context, "target_type"),
                VideoInputs.input(context, "target_type"));
        byte[] source = context.fetchNamed(SPLIT, segment);
        EncodedVideo transcoded = Transcoder.transcode(source, target, "function " + context.spec().name()
                + ": segment '" + segment + "' (named datum of function " + SPLIT + ")");
        context.putNamed(TRANSCODED, transcoded.mp4());
        ObjectNode content = JSON.createObjectNode()
                .put("segment", segment)
                .put("targetType", target.extension())
                .put("frames", transcoded.frames())
                .put("bytes", transcoded.mp4().length);
        context.put("content", JSON.writeValueAsBytes(content));
    }
}
