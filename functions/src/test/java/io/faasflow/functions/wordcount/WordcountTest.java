package io.faasflow.functions.wordcount;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faasflow.functions.BuiltInFunctions;
import io.faasflow.functions.FunctionRegistry;
import io.faasflow.functions.RunScope;
import io.faasflow.functions.internal.ContextFactory;
import io.faasflow.functions.internal.StorageBackedContext;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.topology.load.BenchmarkWorkflows;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the bundled wordcount workflow's three functions over in-memory storage, as the engine would. */
class WordcountTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private final ContextFactory factory = new ContextFactory(BenchmarkWorkflows.load("wordcount"));
    private final FunctionRegistry registry = BuiltInFunctions.registry(SyntheticScale.UNSCALED);

    /** Runs start, one count per book and merge; returns the merge result. */
    private Map<String, Long> runWorkflow(String invocation) throws Exception {
        StorageBackedContext start = factory.context(invocation, "start", RunScope.SINGLE);
        registry.lookup(WordcountStart.SOURCE).orElseThrow().run(start);
        int books = start.keyCounts().get("filename");
        for (int book = 0; book < books; book++) {
            registry.lookup(WordcountCount.SOURCE).orElseThrow().run(factory.context(invocation, "count", RunScope.element(book)));
        }
        registry.lookup(WordcountMerge.SOURCE).orElseThrow()
                .run(factory.context(invocation, "merge", RunScope.merge(Map.of("count", books))));
        return JSON.readValue(factory.stored(invocation, "merge/result"), new TypeReference<>() { });
    }

    private List<String> names(String invocation) throws Exception {
        return JSON.readValue(factory.stored(invocation, "start/filename"), new TypeReference<>() { });
    }

    @Test
    void shouldMakeEightBooksOfAboutThreePointFourMegabytesByDefault() throws Exception {
        registry.lookup(WordcountStart.SOURCE).orElseThrow().run(factory.context("inv", "start", RunScope.SINGLE));
        List<String> names = names("inv");
        assertEquals(8, names.size());
        SequencedMap<String, byte[]> books = BookArchive.readAll(factory.stored("inv", "start/file"));
        assertEquals(names, List.copyOf(books.keySet()));
        assertEquals(3_383_449, books.values().stream().mapToLong(text -> text.length).sum());
        int archive = factory.stored("inv", "start/file").length;
        assertTrue(archive > 3_383_449 && archive < 3_384_449, "archive of " + archive + " bytes");
    }

    @Test
    void shouldCountEveryWordOfEveryBook() throws Exception {
        factory.giveInput("inv", WordcountStart.FILES_FIELD, "5");
        Map<String, Long> result = runWorkflow("inv");
        long expected = 0;
        for (byte[] text : BookArchive.readAll(factory.stored("inv", "start/file")).values()) {
            Matcher words = WORD.matcher(new String(text, StandardCharsets.UTF_8));
            while (words.find()) {
                expected++;
            }
        }
        assertTrue(expected > 400_000, expected + " words");
        assertEquals(expected, result.values().stream().mapToLong(Long::longValue).sum());
        assertTrue(result.get("the") > result.get("king"), "common words are the frequent ones");
        assertTrue(result.size() > 5_000, "a realistic vocabulary: " + result.size() + " words");
    }

    @Test
    void shouldSumTheCountsOfTheBooks() throws Exception {
        factory.giveInput("inv", WordcountStart.FILES_FIELD, "3");
        Map<String, Long> result = runWorkflow("inv");
        for (String word : List.of("the", "of", "king")) {
            long sum = 0;
            for (int book = 0; book < 3; book++) {
                Map<String, Long> counts = JSON.readValue(factory.stored("inv", "count/wordcount@" + book),
                        new TypeReference<Map<String, Long>>() { });
                sum += counts.getOrDefault(word, 0L);
            }
            assertEquals(sum, result.get(word), word);
        }
    }

    @Test
    void shouldHandleNoBooks() throws Exception {
        factory.giveInput("inv", WordcountStart.FILES_FIELD, "0");
        assertEquals(Map.of(), runWorkflow("inv"));
        assertEquals("[]", new String(factory.stored("inv", "start/filename"), StandardCharsets.UTF_8));
        assertEquals("{}", new String(factory.stored("inv", "merge/result"), StandardCharsets.UTF_8));
    }

    @Test
    void shouldMakeTheSameBooksEveryTime() throws Exception {
        factory.giveInput("a", WordcountStart.FILES_FIELD, "4");
        factory.giveInput("b", WordcountStart.FILES_FIELD, "4");
        Map<String, Long> first = runWorkflow("a");
        Map<String, Long> second = runWorkflow("b");
        assertArrayEquals(factory.stored("a", "start/file"), factory.stored("b", "start/file"));
        assertEquals(first, second);
        assertNotEquals(new String(BookGenerator.text(0, 4), StandardCharsets.US_ASCII),
                new String(BookGenerator.text(1, 4), StandardCharsets.US_ASCII), "books differ from each other");
    }

    @Test
    void shouldRefuseAMalformedNumberOfFiles() {
        for (String malformed : List.of("-1", "eight", "2.5", "100001", "99999999999")) {
            String invocation = "inv-" + malformed;
            factory.giveInput(invocation, WordcountStart.FILES_FIELD, malformed);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> registry.lookup(WordcountStart.SOURCE).orElseThrow()
                            .run(factory.context(invocation, "start", RunScope.SINGLE)));
            assertTrue(error.getMessage().contains("'files'") && error.getMessage().contains("function start"),
                    error.getMessage());
        }
    }

    @Test
    void shouldNameTheBookACountCannotFind() {
        assertThrows(IllegalArgumentException.class, () -> BookArchive.find("garbage".getBytes(StandardCharsets.UTF_8), "x"));
        assertTrue(BookArchive.find(new byte[0], "x").isEmpty());
    }

    @Test
    void shouldCountLettersOnlyIgnoringCase() {
        assertEquals(Map.of("the", 2L, "king", 1L, "s", 1L),
                WordCounter.count("The king's  THE\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldBeRegisteredUnderTheWorkflowsName() {
        assertTrue(registry.sources().containsAll(List.of("wordcount/start", "wordcount/count", "wordcount/merge")));
    }
}
