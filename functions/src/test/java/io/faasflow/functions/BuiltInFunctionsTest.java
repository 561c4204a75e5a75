package io.faasflow.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.FunctionSpec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BuiltInFunctionsTest {
    private static final String YAML = """
            functions:
            - name: f
              source: synthetic
              runtime: 2
              input:
                a: {type: normal, value: {function: INPUT, parameter: a}, size: 5}
                sizes: {type: normal, value: {function: INPUT, parameter: sizes}, size: 5}
              output:
                x: {type: normal, size: 1000}
                y: {type: normal, size: 40}
            """;
    private final FunctionSpec spec = new WorkflowLoader().parse("w", YAML, "test").require("f");

    @Test
    void shouldFetchEveryInputSleepAndPutScaledOutputsWhenSynthetic() throws Exception {
        FunctionRegistry registry = BuiltInFunctions.registry(new SyntheticScale(0.01, 0.5));
        RecordingContext context = new RecordingContext(spec);
        long started = System.nanoTime();
        registry.lookup(FunctionRegistry.SYNTHETIC).orElseThrow().run(context);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(java.util.List.of("a", "sizes"), context.fetched);
        assertEquals(500, context.outputs.get("x").length);
        assertEquals(20, context.outputs.get("y").length);
        assertEquals('a', context.outputs.get("x")[0]);
        assertTrue(millis >= 20, "slept 2 s x 0.01, took " + millis + " ms");
    }

    @Test
    void shouldWriteTheSizesTheInvocationChoosesWhenFilling() throws Exception {
        RecordingContext context = new RecordingContext(spec);
        context.inputs.put("sizes", "{\"x\": 3}".getBytes(StandardCharsets.UTF_8));
        BuiltInFunctions.registry(SyntheticScale.UNSCALED).lookup("fill").orElseThrow().run(context);
        assertEquals(3, context.outputs.get("x").length);
        assertEquals(40, context.outputs.get("y").length, "an output the input does not name keeps its declared size");
    }

    @Test
    void shouldRefuseAnImpossibleSize() {
        RecordingContext context = new RecordingContext(spec);
        context.inputs.put("sizes", "{\"x\": -1}".getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BuiltInFunctions.registry(SyntheticScale.UNSCALED).lookup("fill").orElseThrow().run(context));
        assertTrue(error.getMessage().contains("'x'"), error.getMessage());
    }

    @Test
    void shouldWriteAListOfThePlannedOrChosenLengthForAKeysOutput() throws Exception {
        FunctionSpec producer = new WorkflowLoader().parse("w", """
                functions:
                - name: p
                  source: fill
                  runtime: 0
                  input:
                    sizes: {type: normal, value: {function: INPUT, parameter: sizes}, size: 5}
                  output:
                    list: {type: keys, size: 8}
                """, "test").require("p");
        RecordingContext planned = new RecordingContext(producer);
        planned.plannedElements.put("list", 2);
        BuiltInFunctions.registry(SyntheticScale.UNSCALED).lookup("fill").orElseThrow().run(planned);
        assertEquals("[\"e0\",\"e1\"]", new String(planned.outputs.get("list"), StandardCharsets.UTF_8));

        RecordingContext chosen = new RecordingContext(producer);
        chosen.inputs.put("sizes", "{\"list\": 4}".getBytes(StandardCharsets.UTF_8));
        BuiltInFunctions.registry(SyntheticScale.UNSCALED).lookup("fill").orElseThrow().run(chosen);
        assertEquals("[\"e0\",\"e1\",\"e2\",\"e3\"]", new String(chosen.outputs.get("list"), StandardCharsets.UTF_8));

        RecordingContext synthetic = new RecordingContext(producer);
        synthetic.plannedElements.put("list", 1);
        BuiltInFunctions.registry(SyntheticScale.UNSCALED).lookup(FunctionRegistry.SYNTHETIC).orElseThrow().run(synthetic);
        assertEquals("[\"e0\"]", new String(synthetic.outputs.get("list"), StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseTheSameSourceTwice() {
        FunctionRegistry.Builder builder = FunctionRegistry.builder().register("a", c -> { });
        assertThrows(IllegalArgumentException.class, () -> builder.register("a", c -> { }));
    }
}
