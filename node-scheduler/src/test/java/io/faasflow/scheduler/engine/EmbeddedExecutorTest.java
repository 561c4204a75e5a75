package io.faasflow.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.functions.FunctionRegistry;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.event.RunRequestEvent;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.placement.FixedPlacement;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.wire.DeployedWorkflow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A try run in the scheduler reports the time its function spent in the store, puts and fetches apart. */
class EmbeddedExecutorTest {
    private static final String YAML = """
            functions:
            - name: copy
              source: copy
              output: {out: {type: normal, size: 1}}
            """;
    private static final Duration STORE_DELAY = Duration.ofMillis(3);

    @Test
    void shouldReportTheTimeTheFunctionSpentStoringAndReadingData() throws Exception {
        var definition = new WorkflowLoader().parse("copying", YAML, "test");
        PlacementPlan plan = new PlacementPlanner(new FixedPlacement(Map.of("copy", 0))).plan(definition, 1);
        Deployment deployment = Deployment.of(new DeployedWorkflow("copying", 1, YAML, false, plan, 0));
        FunctionRegistry registry = FunctionRegistry.builder().register("copy", context -> {
            byte[] input = context.invocationInput("text").orElseThrow();
            Thread.sleep(20);
            context.put("out", input);
        }).build();
        MapDataStore local = new MapDataStore(STORE_DELAY);
        local.put("i1", "INPUT/text", "hello".getBytes(StandardCharsets.UTF_8));
        StorageAdapter storage = new StorageAdapter(local, new MapDataStore(STORE_DELAY));

        TryExecutor.Outcome outcome = new EmbeddedExecutor(registry, storage, SyntheticScale.UNSCALED).execute(
                deployment, new RunRequestEvent("i1", "copying", 1, "copy", -1, 1, Map.of()), Duration.ofSeconds(5),
                () -> { });

        assertNull(outcome.errorType(), outcome.errorMessage());
        assertTrue(outcome.putNanos() >= STORE_DELAY.toNanos(), outcome.toString());
        assertTrue(outcome.fetchNanos() >= STORE_DELAY.toNanos(), outcome.toString());
    }
}
