package io.faasflow.functions.fileprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faasflow.functions.BuiltInFunctions;
import io.faasflow.functions.FunctionRegistry;
import io.faasflow.functions.RunScope;
import io.faasflow.functions.internal.ContextFactory;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.WorkflowDefinition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the bundled fileprocessing workflow's four functions in order over in-memory storage, as the engine would. */
class FileprocessingWorkflowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SMALL = "400";

    private final FunctionRegistry registry = BuiltInFunctions.registry(SyntheticScale.UNSCALED);

    /** Runs every function of {@code workflow} in YAML order (start, conversion, sentiment, upload). */
    private void runWorkflow(ContextFactory factory, WorkflowDefinition workflow, String invocation) throws Exception {
        for (FunctionSpec function : workflow.functions()) {
            registry.lookup("fileprocessing/" + function.source()).orElseThrow()
                    .run(factory.context(invocation, function.name(), RunScope.SINGLE));
        }
    }

    private static ContextFactory bundled() {
        return new ContextFactory(BenchmarkWorkflows.load("fileprocessing"));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void shouldConvertTheGeneratedHeadingsToHtml() throws Exception {
        ContextFactory factory = bundled();
        factory.giveInput("inv", "filename", "sample.md");
        factory.giveInput("inv", FileprocessingStart.LINES_FIELD, SMALL);
        runWorkflow(factory, BenchmarkWorkflows.load("fileprocessing"), "inv");

        String markdown = text(factory.stored("inv", "start/file"));
        String html = text(factory.stored("inv", "conversion/html"));
        assertEquals(400, markdown.lines().count());
        assertTrue(markdown.startsWith("# sample.md\n"), markdown.substring(0, 40));
        assertTrue(html.startsWith("<h1>sample.md</h1>"), html.substring(0, 40));
        long h1 = markdown.lines().filter(line -> line.startsWith("# ")).count();
        long h2 = markdown.lines().filter(line -> line.startsWith("## ")).count();
        assertTrue(h1 >= 2 && h2 >= 10, h1 + " level-1 and " + h2 + " level-2 headings");
        assertEquals(h1, html.split("<h1>", -1).length - 1);
        assertEquals(h2, html.split("<h2>", -1).length - 1);
        assertFalse(html.lines().anyMatch(line -> line.startsWith("#")), "no raw Markdown heading is left");
        for (String element : List.of("<p>", "<ul>", "<li>", "<em>", "<strong>", "<a href=\"https://example.org/",
                "<code>", "<pre><code class=\"language-js\">", "<blockquote>")) {
            assertTrue(html.contains(element), "the HTML has " + element);
        }
    }

    @Test
    void shouldScoreTheDocumentsSentimentAndCollectBothResults() throws Exception {
        WorkflowDefinition withRecord = new WorkflowLoader().parse("fileprocessing",
                BenchmarkWorkflows.yaml("fileprocessing").replace("\nglobal_output:",
                        "\n  output:\n    record:\n      type: pass\n      size: 300\n\nglobal_output:"), "test");
        ContextFactory factory = new ContextFactory(withRecord);
        factory.giveInput("inv", "filename", "sample.md");
        factory.giveInput("inv", FileprocessingStart.LINES_FIELD, SMALL);
        runWorkflow(factory, withRecord, "inv");

        JsonNode score = JSON.readTree(factory.stored("inv", "sentiment/score"));
        assertTrue(score.path("sentences").asLong() > 300, score.toString());
        assertTrue(score.path("positiveSentences").asLong() > 0 && score.path("negativeSentences").asLong() > 0,
                "the generated prose has both kinds: " + score);
        assertTrue(score.path("compound").asDouble() > 0, "adjectives lean positive: " + score);
        assertTrue(factory.stored("inv", "sentiment/score").length < 300);

        byte[] html = factory.stored("inv", "conversion/html");
        JsonNode record = JSON.readTree(factory.stored("inv", "upload/record"));
        assertEquals(html.length, record.path("htmlBytes").asLong());
        assertEquals(64, record.path("htmlSha256").asText().length());
        assertEquals(text(html).split("<h2>", -1).length - 1, record.path("h2").asLong());
        assertEquals(score, record.path("sentiment"));
    }

    @Test
    void shouldRunUploadWithoutAnOutputAsTheBundledWorkflowDeclaresNone() throws Exception {
        ContextFactory factory = bundled();
        factory.giveInput("inv", "filename", "x");
        factory.giveInput("inv", FileprocessingStart.LINES_FIELD, "30");
        runWorkflow(factory, BenchmarkWorkflows.load("fileprocessing"), "inv");
        assertTrue(factory.storage.find("inv", "upload/record").isEmpty());
    }

    @Test
    void shouldGiveTheSameResultsForTheSameInput() throws Exception {
        ContextFactory factory = bundled();
        for (String invocation : List.of("a", "b")) {
            factory.giveInput(invocation, "filename", "sample.md");
            factory.giveInput(invocation, FileprocessingStart.LINES_FIELD, SMALL);
            runWorkflow(factory, BenchmarkWorkflows.load("fileprocessing"), invocation);
        }
        for (String key : List.of("start/file", "conversion/html", "sentiment/score")) {
            assertArrayEquals(factory.stored("a", key), factory.stored("b", key), key);
        }
    }

    @Test
    void shouldRefuseAMalformedNumberOfLines() {
        ContextFactory factory = bundled();
        for (String malformed : List.of("0", "-1", "many", "2.5", "2000001", "99999999999")) {
            String invocation = "inv-" + malformed;
            factory.giveInput(invocation, "filename", "sample.md");
            factory.giveInput(invocation, FileprocessingStart.LINES_FIELD, malformed);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> registry.lookup(FileprocessingStart.SOURCE).orElseThrow()
                            .run(factory.context(invocation, "start", RunScope.SINGLE)));
            assertTrue(error.getMessage().contains("'lines'") && error.getMessage().contains("function start"),
                    error.getMessage());
        }
    }

    @Test
    void shouldRefuseABlankFilename() {
        ContextFactory factory = bundled();
        factory.giveInput("inv", "filename", " \n ");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> registry.lookup(FileprocessingStart.SOURCE).orElseThrow()
                        .run(factory.context("inv", "start", RunScope.SINGLE)));
        assertTrue(error.getMessage().contains("'filename'"), error.getMessage());
    }

    @Test
    void shouldRefuseAScoreThatIsNotASentimentSummary() {
        ContextFactory factory = bundled();
        factory.local.put("inv", "conversion/html", "<h1>x</h1>\n".getBytes(StandardCharsets.UTF_8));
        factory.local.put("inv", "sentiment/score", "0".getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> registry.lookup(FileprocessingUpload.SOURCE).orElseThrow()
                        .run(factory.context("inv", "upload", RunScope.SINGLE)));
        assertTrue(error.getMessage().contains("input 'score'"), error.getMessage());
    }

    @Test
    void shouldBeRegisteredUnderTheWorkflowsName() {
        assertTrue(registry.sources().containsAll(List.of("fileprocessing/start", "fileprocessing/conversion",
                "fileprocessing/sentiment", "fileprocessing/upload")));
    }
}
