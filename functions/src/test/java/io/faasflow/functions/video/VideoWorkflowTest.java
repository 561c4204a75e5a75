package io.faasflow.functions.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faasflow.functions.BuiltInFunctions;
import io.faasflow.functions.FunctionRegistry;
import io.faasflow.functions.RunScope;
import io.faasflow.functions.internal.ContextFactory;
import io.faasflow.functions.internal.StorageBackedContext;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.topology.load.BenchmarkWorkflows;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jcodec.scale.AWTUtil;
import org.junit.jupiter.api.Test;

/** Runs the bundled video workflow's functions over in-memory storage, as the engine would, on real H.264 video. */
class VideoWorkflowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContextFactory factory = new ContextFactory(BenchmarkWorkflows.load("video"));
    private final FunctionRegistry registry = BuiltInFunctions.registry(SyntheticScale.UNSCALED);

    private void give(String invocation, Map<String, String> fields) {
        fields.forEach((field, value) -> factory.giveInput(invocation, field, value));
    }

    private void run(String source, String invocation, String function, RunScope scope) throws Exception {
        registry.lookup(source).orElseThrow().run(factory.context(invocation, function, scope));
    }

    /** Runs upload, split, one transcode per segment and merge; returns the number of segments. */
    private int runSplitBranch(String invocation) throws Exception {
        run(VideoUpload.SOURCE, invocation, "upload", RunScope.SINGLE);
        StorageBackedContext split = factory.context(invocation, "split", RunScope.SINGLE);
        registry.lookup(VideoSplit.SOURCE).orElseThrow().run(split);
        int segments = split.keyCounts().get("split_keys");
        for (int segment = 0; segment < segments; segment++) {
            run(VideoTranscode.SOURCE, invocation, "transcode", RunScope.element(segment));
        }
        run(VideoMerge.SOURCE, invocation, "merge", RunScope.merge(Map.of("transcode", segments)));
        return segments;
    }

    private JsonNode json(String invocation, String key) throws Exception {
        return JSON.readTree(factory.stored(invocation, key));
    }

    private String text(String invocation, String key) {
        return new String(factory.stored(invocation, key), StandardCharsets.UTF_8);
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                differing += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return differing;
    }

    private static Map<String, String> splitInputs(String duration, String segmentTime) {
        return Map.of("video_name", "holiday.mp4", "user_name", "ada", "split", "true", "segment_time", segmentTime,
                "target_type", "mp4", VideoInputs.DURATION_FIELD, duration);
    }

    @Test
    void shouldGenerateAVideoThatDecodesToEveryFrameWithItsColours() {
        byte[] video = VideoGenerator.generate(2);
        Mp4Reader reader = Mp4Reader.open(video, "the generated video");
        assertEquals(VideoGenerator.FPS, reader.frameRate().getNum());
        assertEquals(1, reader.frameRate().getDen());
        BufferedImage decoded = AWTUtil.toBufferedImage(reader.next().picture());
        assertEquals(VideoGenerator.WIDTH, decoded.getWidth());
        assertEquals(VideoGenerator.HEIGHT, decoded.getHeight());
        BufferedImage drawn = VideoGenerator.frame(0, 20);
        for (int[] point : new int[][] {{200, 100}, {20, 200}, {300, 30}}) {
            int expected = drawn.getRGB(point[0], point[1]);
            int actual = decoded.getRGB(point[0], point[1]);
            for (int shift = 0; shift <= 16; shift += 8) {
                int difference = Math.abs((expected >> shift & 0xFF) - (actual >> shift & 0xFF));
                assertTrue(difference <= 12, "colour at " + point[0] + "," + point[1] + ": drawn "
                        + Integer.toHexString(expected) + ", decoded " + Integer.toHexString(actual));
            }
        }
        int frames = 1;
        while (reader.next() != null) {
            frames++;
        }
        assertEquals(2 * VideoGenerator.FPS, frames);
        assertEquals(20, Mp4Reader.countFrames(video, "the generated video"));
        assertTrue(differingPixels(VideoGenerator.frame(0, 20), VideoGenerator.frame(1, 20)) > 1000,
                "consecutive frames differ");
    }

    @Test
    void shouldSplitTranscodeAndMergeEveryFrame() throws Exception {
        give("inv", splitInputs("4", "1.5"));
        int segments = runSplitBranch("inv");

        assertEquals(3, segments, "ceil(4 s / 1.5 s)");
        List<String> names = JSON.readValue(factory.stored("inv", "split/split_keys"), new TypeReference<>() { });
        assertEquals(List.of("segment-000.mp4", "segment-001.mp4", "segment-002.mp4"), names);
        JsonNode manifest = json("inv", "split/content");
        assertEquals(40, manifest.path("frames").asInt());
        assertEquals("1.5", manifest.path("segmentTime").asText());
        int sum = 0;
        for (int i = 0; i < segments; i++) {
            JsonNode entry = manifest.path("segments").get(i);
            byte[] segment = factory.stored("inv", "split/" + names.get(i));
            int frames = Mp4Reader.countFrames(segment, names.get(i));
            assertEquals(i < 2 ? 15 : 10, frames, names.get(i));
            assertEquals(frames, entry.path("frames").asInt());
            assertEquals(sum, entry.path("firstFrame").asInt());
            assertEquals(segment.length, entry.path("bytes").asInt());
            sum += frames;

            byte[] transcoded = factory.stored("inv", "transcode/" + VideoTranscode.TRANSCODED + "@" + i);
            JsonNode content = json("inv", "transcode/content@" + i);
            assertEquals(names.get(i), content.path("segment").asText());
            assertEquals(frames, content.path("frames").asInt());
            assertEquals(frames, Mp4Reader.countFrames(transcoded, "transcoded " + names.get(i)));
            assertEquals(transcoded.length, content.path("bytes").asInt());
        }
        assertEquals(40, sum);

        JsonNode merged = json("inv", "merge/content");
        assertEquals(sum, merged.path("frames").asInt());
        assertEquals(3, merged.path("segments").asInt());
        assertEquals("ada/holiday.mp4", merged.path("name").asText());
        byte[] video = factory.stored("inv", "merge/" + VideoMerge.MERGED);
        assertEquals(video.length, merged.path("bytes").asInt());
        assertEquals(sum, Mp4Reader.countFrames(video, "the merged video"));
        byte[] source = factory.stored("inv", "upload/" + VideoUpload.SOURCE_VIDEO);
        assertEquals(40, Mp4Reader.countFrames(source, "the source"));
        assertEquals(1, Segmenter.cut(source, "the source", new BigDecimal("7"), "segment_time").size(),
                "one segment when it outlasts the video");
    }

    @Test
    void shouldMakeAPreviewAndProcessTheWholeDefaultVideoWithoutSplitting() throws Exception {
        give("inv", Map.of("video_name", "clip", "user_name", "bob", "split", "False"));
        run(VideoUpload.SOURCE, "inv", "upload", RunScope.SINGLE);
        run(VideoSimpleProcess.SOURCE, "inv", "simple_process", RunScope.SINGLE);

        int frames = VideoInputs.DEFAULT_DURATION_S * VideoGenerator.FPS;
        assertEquals(frames, Mp4Reader.countFrames(factory.stored("inv", "upload/" + VideoUpload.SOURCE_VIDEO), "source"));
        assertEquals("false", text("inv", "upload/split"));
        assertEquals("mp4", text("inv", "upload/target_type"), "the documented default");
        assertEquals("bob/clip", text("inv", "upload/output_prefix"));
        assertEquals("bob/clip-preview.gif", text("inv", "upload/preview_name"));
        assertTrue(factory.storage.find("inv", "upload/segment_time").isEmpty(), "not given, not split: not passed on");

        byte[] gif = factory.stored("inv", "upload/gif");
        assertEquals("GIF89a", new String(gif, 0, 6, StandardCharsets.US_ASCII));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            reader.setInput(in);
            int images = reader.getNumImages(true);
            assertEquals(GifPreview.SECONDS * VideoGenerator.FPS / GifPreview.STEP, images);
            assertEquals(VideoGenerator.WIDTH / 2, reader.read(0).getWidth());
            assertTrue(differingPixels(reader.read(0), reader.read(1)) > 100, "an animation, not a still");
            reader.dispose();
        }

        JsonNode content = json("inv", "simple_process/content");
        assertEquals(frames, content.path("frames").asInt());
        assertEquals("bob/clip.mp4", content.path("name").asText());
        byte[] transcoded = factory.stored("inv", "simple_process/" + VideoSimpleProcess.TRANSCODED);
        assertEquals(frames, Mp4Reader.countFrames(transcoded, "the transcoded video"));
        assertEquals(transcoded.length, content.path("bytes").asInt());
    }

    @Test
    void shouldGenerateTheSameFramesEveryTime() {
        byte[] first = VideoGenerator.generate(1);
        byte[] second = VideoGenerator.generate(1);
        // Only the container's creation times (mvhd, tkhd, mdhd) may differ.
        assertEquals(first.length, second.length);
        Mp4Reader a = Mp4Reader.open(first, "first");
        Mp4Reader b = Mp4Reader.open(second, "second");
        for (Mp4Reader.Frame frame = a.next(); frame != null; frame = a.next()) {
            assertTrue(Arrays.deepEquals(frame.picture().getData(), b.next().picture().getData()), "frame " + a.decoded());
        }
        assertNull(b.next());
    }

    @Test
    void shouldRefuseMissingOrMalformedInvocationFields() {
        Map<Map<String, String>, List<String>> cases = Map.of(
                Map.of("user_name", "a", "split", "false"), List.of("'video_name'", "required"),
                Map.of("video_name", "v", "split", "false"), List.of("'user_name'", "required"),
                Map.of("video_name", "v", "user_name", "a"), List.of("'split'", "required"),
                Map.of("video_name", "v", "user_name", "a", "split", "yes"), List.of("'split'", "true or false"),
                Map.of("video_name", "v", "user_name", "a", "split", "true"), List.of("'segment_time'", "required when"),
                Map.of("video_name", "v", "user_name", "a", "split", "true", "segment_time", "0"), List.of("'segment_time'", "positive"),
                Map.of("video_name", "v", "user_name", "a", "split", "false", "target_type", "avi"),
                        List.of("'target_type'", "'avi'", "supported: [mp4]"),
                Map.of("video_name", "v", "user_name", "a", "split", "false", VideoInputs.DURATION_FIELD, "0"),
                        List.of("'duration_s'", "from 1 to 600"),
                Map.of("video_name", "v", "user_name", "a", "split", "false", VideoInputs.DURATION_FIELD, "601"),
                        List.of("'duration_s'", "from 1 to 600"),
                Map.of("video_name", " ", "user_name", "a", "split", "false"), List.of("'video_name'", "blank"));
        int invocation = 0;
        for (Map.Entry<Map<String, String>, List<String>> entry : cases.entrySet()) {
            String id = "bad-" + invocation++;
            give(id, entry.getKey());
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> run(VideoUpload.SOURCE, id, "upload", RunScope.SINGLE), entry.getKey().toString());
            assertTrue(error.getMessage().startsWith("function upload: invocation input field "), error.getMessage());
            for (String part : entry.getValue()) {
                assertTrue(error.getMessage().contains(part), error.getMessage());
            }
            assertFalse(factory.local.keys(id).stream().anyMatch(key -> key.startsWith("upload/")), "nothing is stored");
        }
    }

    @Test
    void shouldRefuseASegmentTimeThatGivesTooManyOrEmptySegments() throws Exception {
        give("many", splitInputs("6", "0.05"));
        run(VideoUpload.SOURCE, "many", "upload", RunScope.SINGLE);
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> run(VideoSplit.SOURCE, "many", "split", RunScope.SINGLE));
        assertTrue(tooMany.getMessage().contains("function split: input 'segment_time'")
                && tooMany.getMessage().contains("120 segments; at most 100"), tooMany.getMessage());

        give("short", splitInputs("1", "0.05"));
        run(VideoUpload.SOURCE, "short", "upload", RunScope.SINGLE);
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> run(VideoSplit.SOURCE, "short", "split", RunScope.SINGLE));
        assertTrue(empty.getMessage().contains("function split: input 'segment_time'")
                && empty.getMessage().contains("at least one frame long"), empty.getMessage());
    }

    @Test
    void shouldNameTheFunctionAndInputWhenALaterFunctionGetsBadData() {
        factory.local.put("inv", "split/split_keys", "[\"segment-000.mp4\"]".getBytes(StandardCharsets.UTF_8));
        factory.local.put("inv", "upload/target_type", "avi".getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException target = assertThrows(IllegalArgumentException.class,
                () -> run(VideoTranscode.SOURCE, "inv", "transcode", RunScope.element(0)));
        assertTrue(target.getMessage().startsWith("function transcode: input 'target_type' is 'avi'")
                && target.getMessage().contains("supported: [mp4]"), target.getMessage());

        factory.local.put("inv", "upload/target_type", "mp4".getBytes(StandardCharsets.UTF_8));
        factory.local.put("inv", "upload/output_prefix", "ada/v".getBytes(StandardCharsets.UTF_8));
        factory.local.put("inv", "transcode/" + VideoTranscode.TRANSCODED + "@0", new byte[] {1});
        factory.local.put("inv", "transcode/" + VideoTranscode.TRANSCODED + "@1", new byte[] {2});
        IllegalStateException count = assertThrows(IllegalStateException.class,
                () -> run(VideoMerge.SOURCE, "inv", "merge", RunScope.merge(Map.of("transcode", 2))));
        assertTrue(count.getMessage().contains("function merge: input 'split_keys' lists 1 segments but function"
                + " transcode stored 2"), count.getMessage());

        factory.local.put("two", "split/split_keys", "[\"a\", \"b\"]".getBytes(StandardCharsets.UTF_8));
        for (String key : List.of("upload/target_type", "upload/output_prefix", "transcode/" + VideoTranscode.TRANSCODED
                + "@0", "transcode/" + VideoTranscode.TRANSCODED + "@1")) {
            factory.local.put("two", key, factory.stored("inv", key));
        }
        IllegalArgumentException corrupt = assertThrows(IllegalArgumentException.class,
                () -> run(VideoMerge.SOURCE, "two", "merge", RunScope.merge(Map.of("transcode", 2))));
        assertTrue(corrupt.getMessage().startsWith("function merge: transcoded segment 'a'")
                && corrupt.getMessage().contains("is not an H.264 MP4 video"), corrupt.getMessage());
    }

    @Test
    void shouldNameAVideoThatDoesNotDecode() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Mp4Reader.open("not a video at all".getBytes(StandardCharsets.UTF_8), "named datum 'x'"));
        assertTrue(error.getMessage().startsWith("named datum 'x' is not an H.264 MP4 video"), error.getMessage());
    }

    @Test
    void shouldRefuseToJoinVideosOfDifferentFrameRates() {
        H264Mp4Writer slow = new H264Mp4Writer(org.jcodec.common.model.Rational.R(5, 1));
        Mp4Reader source = Mp4Reader.open(VideoGenerator.generate(1), "source");
        slow.add(source.next().picture());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Concatenator.concatenate(
                List.of(VideoGenerator.generate(1), slow.finish()), List.of("first", "second"), TargetType.MP4));
        assertTrue(error.getMessage().contains("second runs at 5 frames per second but first at 10"), error.getMessage());
    }

    @Test
    void shouldBeRegisteredUnderTheWorkflowsName() {
        assertTrue(registry.sources().containsAll(List.of("video/upload", "video/simple_process", "video/split",
                "video/transcode", "video/merge")));
    }
}
