package io.faasflow.functions.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.functions.RunScope;
import io.faasflow.functions.synthetic.SyntheticFunction;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.storage.StorageException;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.model.WorkflowDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StorageBackedContextTest {
    /** p makes a list; f runs per element; m merges. */
    private static final String YAML = """
            functions:
            - name: p
              source: synthetic
              runtime: 0
              output:
                list: {type: keys, size: 8}
                blob: {type: pass, size: 10}
              next: {type: foreach, nodes: [f]}
            - name: f
              source: synthetic
              runtime: 0
              split_ratio: 3
              input:
                item: {type: key, value: {function: p, parameter: list}, size: 8}
                blob: {type: pass, value: {function: p, parameter: blob}, size: 10}
              output:
                out: {type: pass, size: 4}
              next: {type: pass, nodes: [m]}
            - name: m
              source: synthetic
              runtime: 0
              input:
                item: {type: key, value: {function: p, parameter: list}, size: 8}
                out: {type: pass, value: {function: f, parameter: out}, size: 4}
              output:
                result: {type: pass, size: 2}
            """;
    private static final String LIST = "[\"a\", 7, {\"x\": 1}]";
    private static final String INVOCATION = "inv-1";
    private static final Duration STORE_DELAY = Duration.ofMillis(2);

    private final WorkflowDefinition workflow = new WorkflowLoader().parse("w", YAML, "test");
    private final ContextFactory factory = new ContextFactory(workflow);

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void produceList() {
        factory.context(INVOCATION, "p", RunScope.SINGLE).put("list", utf8(LIST));
    }

    @Test
    void shouldKnowForeachAndMergeFunctions() {
        assertEquals(Set.of("f"), factory.graph.foreachFunctions());
        assertTrue(factory.graph.isMergeFunction("m"));
        assertFalse(factory.graph.isMergeFunction("f"));
        assertFalse(factory.graph.isMergeFunction("p"));
        assertEquals("f/out@2", new DataRef("f", "out").elementKey(2));
    }

    @Test
    void shouldStoreAKeysListAndCountItsElements() {
        StorageBackedContext producer = factory.context(INVOCATION, "p", RunScope.SINGLE);
        producer.put("list", utf8(LIST));
        assertEquals(LIST, text(factory.stored(INVOCATION, "p/list")));
        assertEquals(Map.of("list", 3), producer.keyCounts());
        assertEquals(Map.of("list", (long) LIST.length()), producer.outputBytes());
    }

    @Test
    void shouldRefuseAKeysOutputThatIsNoJsonArray() {
        StorageBackedContext producer = factory.context(INVOCATION, "p", RunScope.SINGLE);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> producer.put("list", utf8("{\"not\": \"a list\"}")));
        assertTrue(error.getMessage().contains("function p output 'list'"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> producer.put("list", utf8("[1, 2")));
        assertFalse(factory.local.keys(INVOCATION).contains("p/list"), "nothing is stored");
    }

    @Test
    void shouldGiveEachForeachRunItsElementAndStoreItsOutputsByElement() {
        produceList();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StorageBackedContext run = factory.context(INVOCATION, "f", RunScope.element(i));
            seen.add(text(run.fetch("item")));
            run.put("out", utf8("out" + i));
            assertEquals(Map.of("out", 4L), run.outputBytes());
        }
        assertEquals(List.of("a", "7", "{\"x\":1}"), seen);
        assertEquals("out1", text(factory.stored(INVOCATION, "f/out@1")));
        assertFalse(factory.local.keys(INVOCATION).contains("f/out"));
    }

    @Test
    void shouldReadTheListOncePerInvocationWhateverTheNumberOfRuns() throws Exception {
        produceList();
        List<Future<byte[]>> elements = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int run = 0; run < 300; run++) {
                int element = run % 3;
                elements.add(executor.submit(() -> factory.context(INVOCATION, "f", RunScope.element(element)).fetch("item")));
            }
        }
        for (Future<byte[]> element : elements) {
            element.get();
        }
        assertEquals(1, factory.local.reads(INVOCATION, "p/list"));
        factory.context(INVOCATION, "m", RunScope.merge(Map.of("f", 3))).fetch("item");
        assertEquals(1, factory.local.reads(INVOCATION, "p/list"), "the merge reads the cached list too");
        factory.elementLists.forget(INVOCATION);
        factory.context(INVOCATION, "f", RunScope.element(0)).fetch("item");
        assertEquals(2, factory.local.reads(INVOCATION, "p/list"));
    }

    @Test
    void shouldMeasureTheTimeSpentInPutsAndFetchesApart() {
        factory.local.delay(STORE_DELAY);
        factory.remote.delay(STORE_DELAY);
        long delay = STORE_DELAY.toNanos();
        StorageBackedContext producer = factory.context(INVOCATION, "p", RunScope.SINGLE);
        producer.put("list", utf8(LIST));
        producer.put("blob", utf8("blob"));
        producer.putNamed("note", utf8("n"));
        assertTrue(producer.putNanos() >= 3 * delay, producer.putNanos() + " ns");
        assertEquals(0, producer.fetchNanos());

        StorageBackedContext run = factory.context(INVOCATION, "f", RunScope.element(0));
        run.fetch("item");
        run.fetchAll("blob");
        run.fetchNamed("p", "note");
        assertTrue(run.fetchNanos() >= 3 * delay, run.fetchNanos() + " ns");
        assertEquals(0, run.putNanos());
        run.put("out", utf8("out0"));
        assertTrue(run.putNanos() >= delay, run.putNanos() + " ns");
        assertEquals(run.putNanos() + run.fetchNanos(), run.dataNanos());

        StorageBackedContext merge = factory.context(INVOCATION, "m", RunScope.merge(Map.of("f", 1)));
        merge.fetchAll("out");
        merge.invocationInput("absent");
        assertTrue(merge.fetchNanos() >= 2 * delay, merge.fetchNanos() + " ns");
    }

    @Test
    void shouldNotCountTheFunctionsOwnWorkAsDataTime() throws Exception {
        StorageBackedContext producer = factory.context(INVOCATION, "p", RunScope.SINGLE);
        producer.put("blob", utf8("blob"));
        Thread.sleep(100);
        producer.put("list", utf8(LIST));
        assertTrue(producer.putNanos() > 0);
        assertTrue(producer.dataNanos() < Duration.ofMillis(100).toNanos(), producer.dataNanos() + " ns");
    }

    @Test
    void shouldCountAFailedFetch() {
        factory.local.delay(STORE_DELAY);
        factory.local.failReads(true);
        StorageBackedContext context = factory.context(INVOCATION, "p", RunScope.SINGLE);
        assertThrows(StorageException.class, () -> context.invocationInput("files"));
        assertTrue(context.fetchNanos() >= STORE_DELAY.toNanos(), context.fetchNanos() + " ns");
    }

    @Test
    void shouldRefuseAnElementBeyondTheList() {
        produceList();
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> factory.context(INVOCATION, "f", RunScope.element(3)).fetch("item"));
        assertTrue(error.getMessage().contains("function f input 'item'"), error.getMessage());
    }

    @Test
    void shouldGiveAMergeTheWholeListAndEveryElementsOutput() {
        produceList();
        for (int i = 0; i < 3; i++) {
            factory.context(INVOCATION, "f", RunScope.element(i)).put("out", utf8("out" + i));
        }
        StorageBackedContext merge = factory.context(INVOCATION, "m", RunScope.merge(Map.of("f", 3)));
        assertEquals(LIST, text(merge.fetch("item")));
        assertEquals(List.of("a", "7", "{\"x\":1}"), merge.fetchAll("item").stream().map(StorageBackedContextTest::text).toList());
        assertEquals(List.of("out0", "out1", "out2"), merge.fetchAll("out").stream().map(StorageBackedContextTest::text).toList());
        assertEquals(List.of(), factory.context(INVOCATION, "m", RunScope.merge(Map.of("f", 0))).fetchAll("out"));
    }

    @Test
    void shouldTellTheAuthorToUseFetchAllForAForeachFunctionsOutput() {
        StorageBackedContext merge = factory.context(INVOCATION, "m", RunScope.merge(Map.of("f", 3)));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> merge.fetch("out"));
        assertTrue(error.getMessage().contains("function m input 'out'"), error.getMessage());
        assertTrue(error.getMessage().contains("foreach function f"), error.getMessage());
        assertTrue(error.getMessage().contains("fetchAll"), error.getMessage());
    }

    @Test
    void shouldRefuseToReadAForeachFunctionWithoutItsElementCount() {
        StorageBackedContext merge = factory.context(INVOCATION, "m", RunScope.merge(Map.of("other", 2)));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> merge.fetchAll("out"));
        assertTrue(error.getMessage().contains("foreach function f"), error.getMessage());
    }

    @Test
    void shouldGiveAPlainInputAsOneValue() {
        factory.context(INVOCATION, "p", RunScope.SINGLE).put("blob", utf8("blob"));
        List<byte[]> all = factory.context(INVOCATION, "f", RunScope.element(0)).fetchAll("blob");
        assertEquals(1, all.size());
        assertEquals("blob", text(all.get(0)));
    }

    @Test
    void shouldRefuseARunScopeThatDoesNotFitTheFunction() {
        assertThrows(IllegalArgumentException.class, () -> factory.context(INVOCATION, "f", RunScope.SINGLE));
        assertThrows(IllegalArgumentException.class, () -> factory.context(INVOCATION, "p", RunScope.element(0)));
    }

    @Test
    void shouldGiveInvocationInputFieldsAndEmptyForAbsentOnes() {
        factory.giveInput(INVOCATION, "files", "3");
        StorageBackedContext context = factory.context(INVOCATION, "p", RunScope.SINGLE);
        assertEquals("3", text(context.invocationInput("files").orElseThrow()));
        assertEquals(Optional.empty(), context.invocationInput("absent"));
    }

    @Test
    void shouldNotMistakeAFailingStoreForAnAbsentInvocationInput() {
        factory.local.failReads(true);
        StorageBackedContext context = factory.context(INVOCATION, "p", RunScope.SINGLE);
        assertThrows(StorageException.class, () -> context.invocationInput("files"));
    }

    @Test
    void shouldPlanTheLargestSplitRatioOfTheFedForeachFunctions() {
        StorageBackedContext producer = factory.context(INVOCATION, "p", RunScope.SINGLE);
        assertEquals(3, producer.plannedElements("list"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> producer.plannedElements("blob"));
        assertTrue(error.getMessage().contains("function p"), error.getMessage());
    }

    @Test
    void shouldRunASyntheticForeachWorkflowEndToEnd() throws Exception {
        SyntheticFunction synthetic = new SyntheticFunction(SyntheticScale.UNSCALED);
        StorageBackedContext producer = factory.context(INVOCATION, "p", RunScope.SINGLE);
        synthetic.run(producer);
        assertEquals("[\"e0\",\"e1\",\"e2\"]", text(factory.stored(INVOCATION, "p/list")));
        int elements = producer.keyCounts().get("list");
        for (int i = 0; i < elements; i++) {
            synthetic.run(factory.context(INVOCATION, "f", RunScope.element(i)));
        }
        synthetic.run(factory.context(INVOCATION, "m", RunScope.merge(Map.of("f", elements))));
        assertEquals(Set.of("f/out@0", "f/out@1", "f/out@2", "m/result", "p/blob", "p/list"), factory.local.keys(INVOCATION));
        assertEquals(3, factory.local.reads(INVOCATION, "f/out@0") + factory.local.reads(INVOCATION, "f/out@1")
                + factory.local.reads(INVOCATION, "f/out@2"), "the merge read every element's output once");
    }

    @Test
    void shouldStoreANamedDatumInMemoryAndTheSharedStoreAndReportItsSize() {
        StorageBackedContext producer = factory.context(INVOCATION, "p", RunScope.SINGLE);
        producer.putNamed("segment-0.mp4", utf8("bytes of a segment"));
        assertEquals("bytes of a segment", text(factory.local.get(INVOCATION, "p/segment-0.mp4").orElseThrow()));
        assertEquals("bytes of a segment", text(factory.remote.get(INVOCATION, "p/segment-0.mp4").orElseThrow()),
                "no edge declares it, so it is shared whatever the plan");
        assertEquals(Map.of("segment-0.mp4", 18L), producer.outputBytes());

        StorageBackedContext reader = factory.context(INVOCATION, "m", RunScope.merge(Map.of("f", 0)));
        assertEquals("bytes of a segment", text(reader.fetchNamed("p", "segment-0.mp4")));
        assertEquals(List.of("bytes of a segment"),
                reader.fetchAllNamed("p", "segment-0.mp4").stream().map(StorageBackedContextTest::text).toList());
    }

    @Test
    void shouldFindANamedDatumInTheSharedStoreFromAnotherNode() {
        factory.context(INVOCATION, "p", RunScope.SINGLE).putNamed("video", utf8("v"));
        factory.local.delete(INVOCATION, List.of("p/video"));
        assertEquals("v", text(factory.context(INVOCATION, "m", RunScope.SINGLE).fetchNamed("p", "video")));
    }

    @Test
    void shouldKeyAForeachRunsNamedDatumByElementAndGiveAMergeEveryElementInOrder() {
        for (int i = 0; i < 3; i++) {
            StorageBackedContext run = factory.context(INVOCATION, "f", RunScope.element(i));
            run.putNamed("part", utf8("part" + i));
            assertEquals(Map.of("part", 5L), run.outputBytes());
        }
        assertEquals(Set.of("f/part@0", "f/part@1", "f/part@2"), factory.remote.keys(INVOCATION));
        StorageBackedContext merge = factory.context(INVOCATION, "m", RunScope.merge(Map.of("f", 3)));
        assertEquals(List.of("part0", "part1", "part2"),
                merge.fetchAllNamed("f", "part").stream().map(StorageBackedContextTest::text).toList());
        assertEquals(List.of(), factory.context(INVOCATION, "m", RunScope.merge(Map.of("f", 0))).fetchAllNamed("f", "part"));

        IllegalStateException single = assertThrows(IllegalStateException.class, () -> merge.fetchNamed("f", "part"));
        assertTrue(single.getMessage().contains("foreach function") && single.getMessage().contains("fetchAllNamed"),
                single.getMessage());
        IllegalStateException uncounted = assertThrows(IllegalStateException.class,
                () -> factory.context(INVOCATION, "m", RunScope.merge(Map.of("other", 2))).fetchAllNamed("f", "part"));
        assertTrue(uncounted.getMessage().contains("foreach function f") && uncounted.getMessage().contains("'part'"),
                uncounted.getMessage());
    }

    @Test
    void shouldRefuseAMalformedNameOrADeclaredOutputsKey() {
        StorageBackedContext producer = factory.context(INVOCATION, "p", RunScope.SINGLE);
        for (String bad : new String[] {"", " ", "a/b", "a@1", null}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> producer.putNamed(bad, utf8("x")));
            assertTrue(error.getMessage().contains("function p") && error.getMessage().contains("'" + bad + "'"),
                    error.getMessage());
        }
        IllegalArgumentException declared = assertThrows(IllegalArgumentException.class,
                () -> producer.putNamed("blob", utf8("x")));
        assertTrue(declared.getMessage().contains("function p") && declared.getMessage().contains("'blob'")
                && declared.getMessage().contains("declared output"), declared.getMessage());
        assertEquals(Set.of(), factory.local.keys(INVOCATION), "nothing is stored");
        assertEquals(Map.of(), producer.outputBytes());
    }

    @Test
    void shouldNameAnUnknownProducerAndFailOnAnAbsentNamedDatum() {
        StorageBackedContext reader = factory.context(INVOCATION, "m", RunScope.SINGLE);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> reader.fetchNamed("nope", "x"));
        assertTrue(unknown.getMessage().contains("function m") && unknown.getMessage().contains("function nope")
                && unknown.getMessage().contains("workflow w"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> reader.fetchAllNamed("nope", "x"));
        assertThrows(IllegalArgumentException.class, () -> reader.fetchNamed("p", " "));
        assertThrows(StorageException.class, () -> reader.fetchNamed("p", "absent"));
        assertThrows(StorageException.class, () -> reader.fetchAllNamed("p", "absent"));
    }
}
