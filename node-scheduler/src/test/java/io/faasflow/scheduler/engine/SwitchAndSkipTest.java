package io.faasflow.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.definition.DeploymentRegistry;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.placement.FixedPlacement;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.wire.DeployedWorkflow;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.InvocationStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A switch runs one branch; the untaken one is skipped, and a join after the switch still fires. */
class SwitchAndSkipTest {
    /** One try per function: failures end the invocation at once. */
    static final EngineSettings ONE_TRY = EngineSettings.DEFAULTS.withRetries(1, java.time.Duration.ZERO);

    private static final String YAML = """
            functions:
            - name: start
              source: synthetic
              next: {type: pass, nodes: [sw]}
            - name: sw
              source: VIRTUAL
              next: {type: switch, conditions: [INPUT.flag, default], nodes: [left, right]}
            - name: left
              source: synthetic
              next: {type: pass, nodes: [join]}
            - name: right
              source: synthetic
              next: {type: pass, nodes: [join]}
            - name: join
              source: synthetic
            """;

    private final DeploymentRegistry registry = new DeploymentRegistry();
    private final RecordingEffects effects = new RecordingEffects();
    private final NodeEngine engine;

    SwitchAndSkipTest() {
        var definition = new WorkflowLoader().parse("branchy", YAML, "test");
        PlacementPlan plan = new PlacementPlanner(new FixedPlacement(
                Map.of("start", 0, "sw", 0, "left", 0, "right", 0, "join", 0))).plan(definition, 1);
        registry.add(Deployment.of(new DeployedWorkflow("branchy", 1, YAML, true, plan, 0)));
        engine = new NodeEngine(0, registry, new InMemoryStateStore(), effects, ONE_TRY);
    }

    private void end(String function) {
        engine.onLocalRunEnded(RunEnds.succeeded(effects.request(function)));
    }

    @Test
    void shouldRunTheChosenBranchSkipTheOtherAndFireTheJoin() {
        engine.onInvocation(new InvocationRecord("i1", "branchy", null, System.currentTimeMillis()));
        end("start");
        assertEquals(List.of("sw"), effects.switches);
        engine.onLocalRunEnded(RunEnds.chose(effects.request("sw"), 0));
        assertEquals(List.of("start", "left"), effects.runs, "right is not run");
        end("left");
        assertEquals(List.of("start", "left", "join"), effects.runs, "the join fires after one branch ran");
        end("join");
        InvocationResult result = effects.results.get(0);
        assertEquals(InvocationStatus.SUCCEEDED, result.status());
        assertEquals(List.of("right"), result.skipped());
        assertEquals(4, result.functions().size());
    }

    @Test
    void shouldSkipEverythingAfterASwitchWhoseConditionsAreAllFalse() {
        engine.onInvocation(new InvocationRecord("i1", "branchy", null, System.currentTimeMillis()));
        end("start");
        engine.onLocalRunEnded(RunEnds.chose(effects.request("sw"), -1));
        assertEquals(List.of("start"), effects.runs);
        InvocationResult result = effects.results.get(0);
        assertEquals(InvocationStatus.SUCCEEDED, result.status());
        assertEquals(List.of("join", "left", "right"), result.skipped());
    }

    @Test
    void shouldFailTheInvocationWhenAConditionCannotBeEvaluated() {
        engine.onInvocation(new InvocationRecord("i1", "branchy", null, System.currentTimeMillis()));
        end("start");
        engine.onLocalRunEnded(RunEnds.switchFailed(effects.request("sw"), "MissingDataException", "no data key 'flag'"));
        InvocationResult result = effects.results.get(0);
        assertEquals(InvocationStatus.FAILED, result.status());
        assertEquals("sw", result.error().function());
        assertTrue(result.error().message().contains("flag"));
    }
}
