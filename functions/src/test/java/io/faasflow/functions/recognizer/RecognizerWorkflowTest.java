package io.faasflow.functions.recognizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.functions.BuiltInFunctions;
import io.faasflow.functions.FunctionRegistry;
import io.faasflow.functions.RunScope;
import io.faasflow.functions.internal.ContextFactory;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.placement.Destination;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Runs the bundled illgal_recognizer workflow's functions over in-memory storage, as the engine would on each
 * branch. Needs Tesseract (Debian's tesseract-ocr and tesseract-ocr-eng); without it the OCR tests fail with
 * that hint.
 */
class RecognizerWorkflowTest {
    private static final String WORKFLOW = "illgal_recognizer";
    private static final String PLANTED = "Meet me at the station at noon. Bring the bomb and the guns.";

    private final ContextFactory factory = new ContextFactory(BenchmarkWorkflows.load(WORKFLOW));
    private final FunctionRegistry registry = BuiltInFunctions.registry(SyntheticScale.UNSCALED);

    private void invoke(String invocation, String scene, String text) {
        factory.giveInput(invocation, ImageNames.IMAGE_NAME, "01.jpg");
        factory.giveInput(invocation, ImageNames.USER_NAME, "alice");
        if (scene != null) {
            factory.giveInput(invocation, RecognizerUpload.SCENE_FIELD, scene);
        }
        if (text != null) {
            factory.giveInput(invocation, RecognizerUpload.TEXT_FIELD, text);
        }
    }

    private void run(String invocation, String... functions) throws Exception {
        for (String function : functions) {
            registry.lookup(WORKFLOW + "/" + function).orElseThrow()
                    .run(factory.context(invocation, function, RunScope.SINGLE));
        }
    }

    private String stored(String invocation, String key) {
        return new String(factory.stored(invocation, key), StandardCharsets.UTF_8);
    }

    @Test
    void shouldClassifyEachSceneAsIntended() throws Exception {
        for (Scene scene : Scene.values()) {
            String invocation = "scene-" + scene.fieldValue();
            invoke(invocation, scene.fieldValue().toUpperCase(Locale.ROOT), null);
            run(invocation, "upload", "adult", "violence");
            String adult = stored(invocation, "adult/illegal_flag");
            String violence = stored(invocation, "violence/illegal_flag");
            assertEquals(Boolean.toString(scene == Scene.ADULT), adult, scene + " adult, skin share "
                    + stored(invocation, "adult/adult_value"));
            assertEquals(Boolean.toString(scene == Scene.VIOLENCE), violence, scene + " violence, blood share "
                    + stored(invocation, "violence/violence_value"));
        }
        assertTrue(stored("scene-adult", "adult/illegal_reason").startsWith("adult: skin-tone pixels"));
        assertEquals(Verdict.NO_REASON, stored("scene-adult", "violence/illegal_reason"));
        assertTrue(stored("scene-violence", "violence/illegal_reason").startsWith("violence: blood-red pixels"));
        double cleanRed = Double.parseDouble(stored("scene-clean", "violence/violence_value"));
        double cleanSkin = Double.parseDouble(stored("scene-clean", "adult/adult_value"));
        assertTrue(cleanRed > 0.005 && cleanSkin > 0.0005, "the clean scene has a little red and skin: " + cleanRed
                + ", " + cleanSkin);
    }

    @Test
    void shouldUploadAboutAMegabyteJpegWithItsNameAndNoFlag() throws Exception {
        invoke("inv", null, null);
        run("inv", "upload");
        byte[] content = factory.stored("inv", "upload/content");
        assertTrue(content.length > 800_000 && content.length < 1_500_000, content.length + " bytes");
        ImageCodec.Decoded image = ImageCodec.decode(content, "content");
        assertEquals(ImageCodec.JPEG, image.format());
        assertEquals(1600, image.image().getWidth());
        assertEquals(1200, image.image().getHeight());
        assertArrayEquals(content, factory.stored("inv", "upload/" + UploadedImage.NAME));
        assertTrue(factory.remote.contains("inv", "upload/" + UploadedImage.NAME), "readable from any node");
        assertEquals("alice/01", stored("inv", "upload/output_prefix"));
        assertEquals("false", stored("inv", "upload/illegal_flag"));
    }

    @Test
    void shouldMakeTheSameImageForTheSameInputs() throws Exception {
        invoke("a", "violence", PLANTED);
        invoke("b", "violence", PLANTED);
        invoke("c", "violence", null);
        run("a", "upload");
        run("b", "upload");
        run("c", "upload");
        assertArrayEquals(factory.stored("a", "upload/content"), factory.stored("b", "upload/content"));
        assertFalse(Arrays.equals(factory.stored("a", "upload/content"), factory.stored("c", "upload/content")));
    }

    @Test
    void shouldReadTheRenderedTextAndPassACleanImageToTheEnd() throws Exception {
        invoke("inv", "clean", null);
        run("inv", "upload", "adult", "violence", "extract", "translate", "word_censor");
        String text = stored("inv", "extract/extracted_text");
        assertMostWordsRead(Caption.DEFAULT_TEXT, text);
        assertEquals(text, stored("inv", "translate/translated_text"));
        assertEquals("0", stored("inv", "word_censor/filter_count"));
        assertEquals("false", stored("inv", "word_censor/illegal_flag"));
        assertEquals(Verdict.NO_REASON, stored("inv", "word_censor/illegal_reason"));
    }

    @Test
    void shouldFlagAPlantedWordAndPixelateTheImage() throws Exception {
        invoke("inv", "clean", PLANTED);
        run("inv", "upload", "adult", "violence", "extract", "translate", "word_censor");
        assertMostWordsRead(PLANTED, stored("inv", "extract/extracted_text"));
        assertEquals("false", stored("inv", "adult/illegal_flag"));
        assertEquals("false", stored("inv", "violence/illegal_flag"));
        assertEquals("true", stored("inv", "word_censor/illegal_flag"));
        assertEquals("2", stored("inv", "word_censor/filter_count"));
        assertEquals("censored words: bomb, gun", stored("inv", "word_censor/illegal_reason"));

        run("inv", "mosaic");
        assertEquals("alice/mosaic-01.jpg", stored("inv", "mosaic/mosaic_name"));
        BufferedImage original = ImageCodec.decode(factory.stored("inv", "upload/content"), "upload").image();
        ImageCodec.Decoded mosaic = ImageCodec.decode(factory.stored("inv", "mosaic/content"), "mosaic");
        assertEquals(ImageCodec.JPEG, mosaic.format());
        assertEquals(original.getWidth(), mosaic.image().getWidth());
        assertEquals(original.getHeight(), mosaic.image().getHeight());
        assertFalse(Arrays.equals(factory.stored("inv", "upload/content"), factory.stored("inv", "mosaic/content")));
        assertTrue(meanAbsoluteDifference(original, mosaic.image()) > 5, "the pixels changed visibly");
    }

    @Test
    void shouldNotReadTheCaptionOnceItIsPixelated() throws Exception {
        invoke("inv", "clean", PLANTED);
        run("inv", "upload", "mosaic");
        String text = Tesseract.locate().recognize(factory.stored("inv", "mosaic/content"));
        assertFalse(text.toLowerCase(Locale.ROOT).contains("bomb"), text);
    }

    @Test
    void shouldRefuseBadInvocationFieldsNamingFunctionAndField() {
        List<String[]> bad = List.of(
                new String[] {RecognizerUpload.SCENE_FIELD, "gore", "one of clean, adult, violence"},
                new String[] {RecognizerUpload.TEXT_FIELD, "   ", "must not be blank"},
                new String[] {RecognizerUpload.TEXT_FIELD, "x".repeat(241), "at most 240 characters"},
                new String[] {RecognizerUpload.TEXT_FIELD, "caf\u00e9 au lait", "printable ASCII"},
                new String[] {RecognizerUpload.TEXT_FIELD, "y".repeat(41), "longer than 40 characters"},
                new String[] {RecognizerUpload.TEXT_FIELD, "abcdefghijklmnopqrstu ".repeat(7), "wraps to 7 lines"});
        for (String[] field : bad) {
            String invocation = "bad-" + field[0] + field[1].length();
            invoke(invocation, null, null);
            factory.giveInput(invocation, field[0], field[1]);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> run(invocation, "upload"));
            assertTrue(error.getMessage().startsWith("function upload: invocation input field '" + field[0] + "'")
                    && error.getMessage().contains(field[2]), error.getMessage());
        }
        factory.giveInput("blank-name", ImageNames.IMAGE_NAME, " ");
        factory.giveInput("blank-name", ImageNames.USER_NAME, "alice");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> run("blank-name", "upload"));
        assertTrue(error.getMessage().startsWith("function upload: input 'image_name' must be 1 to 255"),
                error.getMessage());
    }

    @Test
    void shouldNameTheFunctionThatGetsSomethingOtherThanAnImage() {
        invoke("inv", null, null);
        factory.storage.put("inv", "upload/" + UploadedImage.NAME, "not an image".getBytes(StandardCharsets.UTF_8),
                Destination.DB_MEM);
        for (String function : List.of("adult", "violence", "mosaic", "extract")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> run("inv", function));
            assertEquals("function " + function + ": upload's image 'image' is not a JPEG or PNG image (12 bytes)",
                    error.getMessage());
        }
    }

    @Test
    void shouldBeRegisteredUnderTheWorkflowsName() {
        for (String function : List.of("upload", "adult", "violence", "mosaic", "extract", "translate", "word_censor")) {
            assertTrue(registry.lookup(WORKFLOW + "/" + function).isPresent(), function);
        }
    }

    /** At least 80% of the words of {@code expected} (letters only, any case) are among those read. */
    private static void assertMostWordsRead(String expected, String read) {
        List<String> words = words(expected);
        List<String> got = words(read);
        long found = words.stream().filter(got::contains).count();
        assertTrue(found >= 0.8 * words.size(), found + " of " + words.size() + " words read: '" + read + "'");
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y += 3) {
            for (int x = 0; x < a.getWidth(); x += 3) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 0xff) - (q >> 16 & 0xff)) + Math.abs((p >> 8 & 0xff) - (q >> 8 & 0xff))
                        + Math.abs((p & 0xff) - (q & 0xff));
            }
        }
        return (double) sum / ((a.getHeight() / 3 + 1) * (a.getWidth() / 3 + 1) * 3);
    }
}
