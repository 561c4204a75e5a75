package io.faasflow.functions.video;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Video's {@code upload}: makes the video to process and its preview. Generates a {@link VideoGenerator} video of
 * invocation field {@value VideoInputs#DURATION_FIELD} seconds (default {@value VideoInputs#DEFAULT_DURATION_S})
 * and stores it as named datum {@value #SOURCE_VIDEO}; writes output {@code gif} (an animated {@link GifPreview}),
 * {@code output_prefix} ({@code <user_name>/<video stem>}) and {@code preview_name}, and passes the invocation's
 * {@code split}, {@code video_name}, {@code user_name}, {@code segment_time} and {@code target_type} on as
 * outputs of the same names, checked and normalised, so later functions and the switch read them from here.
 *
 * <p>Required fields: {@code video_name}, {@code user_name}, {@code split}, and {@code segment_time} when
 * {@code split} is true. {@code target_type} defaults to {@code mp4}.
 */
public final class VideoUpload implements WorkflowFunction {
    public static final String SOURCE = "video/upload";
    /** The named datum holding the generated video, for split and simple_process. */
    public static final String SOURCE_VIDEO = "source.mp4";

    @Override
    public void run(FunctionContext context) {
        String videoName = VideoInputs.requiredField(context, "video_name");
        String userName = VideoInputs.requiredField(context, "user_name");
        boolean split = VideoInputs.flag(VideoInputs.requiredField(context, "split"), VideoInputs.field(context, "split"));
        Optional<String> segmentTime = VideoInputs.optionalField(context, "segment_time");
        if (split && segmentTime.isEmpty()) {
            throw new IllegalArgumentException(VideoInputs.field(context, "segment_time")
                    + " is required when 'split' is true, but the invocation does not give it");
        }
        segmentTime.ifPresent(text -> VideoInputs.seconds(text, VideoInputs.field(context, "segment_time")));
        TargetType target = VideoInputs.optionalField(context, "target_type")
                .map(text -> TargetType.parse(text, VideoInputs.field(context, "target_type")))
                .orElse(TargetType.DEFAULT);
        int seconds = VideoInputs.durationSeconds(context);

        byte[] video = VideoGenerator.generate(seconds);
        String prefix = VideoNames.outputPrefix(userName, videoName);
        context.putNamed(SOURCE_VIDEO, video);
        context.put("gif", GifPreview.of(video, "function " + context.spec().name() + ": the generated video"));
        context.put("output_prefix", utf8(prefix));
        context.put("preview_name", utf8(prefix + "-preview.gif"));
        context.put("split", utf8(Boolean.toString(split)));
        context.put("video_name", utf8(videoName));
        context.put("user_name", utf8(userName));
        segmentTime.ifPresent(text -> context.put("segment_time", utf8(text)));
        context.put("target_type", utf8(target.extension()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
