package io.faasflow.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.topology.expr.MissingDataException;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.placement.FixedPlacement;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.wire.DeployedWorkflow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which stored {@code INPUT.k} a switch reads, on illgal_recognizer's two switches. */
class SwitchEvaluatorTest {
    private static final String WORKFLOW = "illgal_recognizer";
    private static final int MOSAIC = 0;
    private static final int DEFAULT = 1;

    private final StorageAdapter storage = new StorageAdapter(new MapDataStore(), new MapDataStore());

    private static Deployment deploy(boolean synthetic) {
        String yaml = BenchmarkWorkflows.yaml(WORKFLOW);
        WorkflowDefinition definition = new WorkflowLoader().parse(WORKFLOW, yaml, "test");
        Map<String, Integer> nodes = definition.functions().stream()
                .collect(Collectors.toMap(function -> function.name(), function -> 0));
        PlacementPlan plan = new PlacementPlanner(new FixedPlacement(nodes)).plan(definition, 1);
        return Deployment.of(new DeployedWorkflow(WORKFLOW, 1, yaml, synthetic, plan, 0));
    }

    private void store(String key, String value) {
        storage.local().put("i1", key, value.getBytes(StandardCharsets.UTF_8));
    }

    private int choose(Deployment deployment, String switchName) {
        return SwitchEvaluator.choose(deployment, switchName, "i1", storage);
    }

    @Test
    void shouldTakeAFlagOfEitherParallelProducerWhicheverWroteFalse() {
        Deployment deployment = deploy(false);
        store("upload/illegal_flag", "false");
        store("adult/illegal_flag", "false");
        store("violence/illegal_flag", "true");
        assertEquals(MOSAIC, choose(deployment, "virtual1"), "violence's flag is not hidden by adult's false");

        store("adult/illegal_flag", "true");
        store("violence/illegal_flag", "false");
        assertEquals(MOSAIC, choose(deployment, "virtual1"), "nor adult's by violence's false");

        store("adult/illegal_flag", "false");
        assertEquals(DEFAULT, choose(deployment, "virtual1"));
    }

    @Test
    void shouldTakeTheNearestLevelThatWroteTheKeyEvenWhenAFartherOneIsTruthy() {
        Deployment deployment = deploy(false);
        store("upload/illegal_flag", "true");
        store("adult/illegal_flag", "false");
        store("violence/illegal_flag", "False");
        assertEquals(DEFAULT, choose(deployment, "virtual1"), "upload is two edges away, adult and violence one");

        store("word_censor/illegal_flag", "false");
        store("adult/illegal_flag", "true");
        assertEquals(DEFAULT, choose(deployment, "virtual2"), "word_censor is virtual2's nearest producer");
        store("word_censor/illegal_flag", "true");
        assertEquals(MOSAIC, choose(deployment, "virtual2"));
    }

    @Test
    void shouldFallBackToAFartherProducerAndThenToTheGlobalInput() {
        Deployment deployment = deploy(false);
        store("upload/illegal_flag", "true");
        assertEquals(MOSAIC, choose(deployment, "virtual1"), "neither classifier wrote the key: upload's value");

        storage.local().delete("i1", List.of("upload/illegal_flag"));
        store("INPUT/illegal_flag", "true");
        assertEquals(MOSAIC, choose(deployment, "virtual1"));
        storage.local().delete("i1", List.of("INPUT/illegal_flag"));
        assertThrows(MissingDataException.class, () -> choose(deployment, "virtual1"));
    }

    @Test
    void shouldLetAGivenGlobalInputSteerASyntheticDeployment() {
        Deployment deployment = deploy(true);
        store("adult/illegal_flag", "true");
        store("INPUT/illegal_flag", "false");
        assertEquals(DEFAULT, choose(deployment, "virtual1"));
        storage.local().delete("i1", List.of("INPUT/illegal_flag"));
        assertEquals(MOSAIC, choose(deployment, "virtual1"));
    }
}
