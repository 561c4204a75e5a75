package io.faasflow.functions.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Video's {@code merge}: joins every transcode run's {@link VideoTranscode#TRANSCODED} segment, in the order of
 * {@code split_keys}, into one video ({@link Concatenator}), stores it as named datum {@value #MERGED} and writes
 * output {@code content}: {@code {"name", "targetType", "segments", "frames", "bytes"}}, where name is
 * {@code <output_prefix>.<target_type>} and frames are those decoded from the segments and encoded.
 */
public final class VideoMerge implements WorkflowFunction {
    public static final String SOURCE = "video/merge";
    /** The named datum holding the merged video. */
    public static final String MERGED = "merged";
    /** The workflow function whose named data are the transcoded segments. */
    static final String TRANSCODE = "transcode";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run(FunctionContext context) throws IOException {
        String function = context.spec().name();
        TargetType target = TargetType.parse(VideoInputs.requiredInput(context, "target_type"),
                VideoInputs.input(context, "target_type"));
        String prefix = VideoInputs.requiredInput(context, "output_prefix");
        List<String> segments = segmentNames(context);
        List<byte[]> parts = context.fetchAllNamed(TRANSCODE, VideoTranscode.TRANSCODED);
        if (parts.size() != segments.size()) {
            throw new IllegalStateException("function " + function + ": input 'split_keys' lists " + segments.size()
                    + " segments but function " + TRANSCODE + " stored " + parts.size() + " transcoded ones");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            names.add("function " + function + ": transcoded segment '" + segments.get(i) + "' (named datum '"
                    + VideoTranscode.TRANSCODED + "' of " + TRANSCODE + " run " + i + ")");
        }
        EncodedVideo merged = Concatenator.concatenate(parts, names, target);
        context.putNamed(MERGED, merged.mp4());
        ObjectNode content = JSON.createObjectNode()
                .put("name", prefix + "." + target.extension())
                .put("targetType", target.extension())
                .put("segments", segments.size())
                .put("frames", merged.frames())
                .put("bytes", merged.mp4().length);
        context.put("content", JSON.writeValueAsBytes(content));
    }

    private static List<String> segmentNames(FunctionContext context) throws IOException {
        JsonNode list = JSON.readTree(context.fetch("split_keys"));
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(VideoInputs.input(context, "split_keys")
                    + " must be a non-empty JSON array of segment names; got " + (list == null ? "nothing" : list.getNodeType()));
        }
        List<String> names = new ArrayList<>();
        list.forEach(name -> names.add(name.asText()));
        return names;
    }
}
