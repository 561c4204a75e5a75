package io.faasflow.functions.video;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.io.IOException;

/**
 * Video's {@code simple_process}, the branch without splitting: re-encodes upload's whole video
 * ({@link VideoUpload#SOURCE_VIDEO}) to input {@code target_type} ({@link Transcoder}), stores it as named datum
 * {@value #TRANSCODED} and writes output {@code content}: {@code {"name", "targetType", "frames", "bytes"}}, where
 * name is {@code <user_name>/<video stem>.<target_type>}.
 */
public final class VideoSimpleProcess implements WorkflowFunction {
    public static final String SOURCE = "video/simple_process";
    /** The named datum holding the transcoded video. */
    public static final String TRANSCODED = "transcoded";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run(FunctionContext context) throws IOException {
        TargetType target = TargetType.parse(VideoInputs.requiredInput(context, "target_type"),
                VideoInputs.input(context, "target_type"));
        String videoName = VideoInputs.requiredInput(context, "video_name");
        String userName = VideoInputs.requiredInput(context, "user_name");
        byte[] video = context.fetchNamed(VideoSplit.UPLOAD, VideoUpload.SOURCE_VIDEO);
        EncodedVideo transcoded = Transcoder.transcode(video, target, "function " + context.spec().name() + ": video '"
                + videoName + "' (named datum '" + VideoUpload.SOURCE_VIDEO + "' of function " + VideoSplit.UPLOAD + ")");
        context.putNamed(TRANSCODED, transcoded.mp4());
        ObjectNode content = JSON.createObjectNode()
                .put("name", VideoNames.outputPrefix(userName, videoName) + "." + target.extension())
                .put("targetType", target.extension())
                .put("frames", transcoded.frames())
                .put("bytes", transcoded.mp4().length);
        context.put("content", JSON.writeValueAsBytes(content));
    }
}
