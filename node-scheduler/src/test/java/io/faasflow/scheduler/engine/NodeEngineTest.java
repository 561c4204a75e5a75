package io.faasflow.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.definition.DeploymentRegistry;
import io.faasflow.scheduler.event.FinishEvent;
import io.faasflow.scheduler.event.ReportEvent;
import io.faasflow.scheduler.event.TriggerEvent;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.placement.FixedPlacement;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.placement.PlacementStrategy;
import io.faasflow.topology.wire.DeployedWorkflow;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker-side decisions of one node, with no services: fan-out, fan-in, remote triggers, redelivery. */
class NodeEngineTest {
    /** One try per function: failures end the invocation at once. */
    static final EngineSettings ONE_TRY = EngineSettings.DEFAULTS.withRetries(1, java.time.Duration.ZERO);

    // start -> {left, right} -> join; start, left, join on node 0, right on node 1.
    private static final String DIAMOND = """
            functions:
            - name: start
              source: synthetic
              next: {type: parallel, nodes: [left, right]}
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
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final RecordingEffects effects = new RecordingEffects();
    private final NodeEngine engine;

    NodeEngineTest() {
        var definition = new WorkflowLoader().parse("diamond", DIAMOND, "test");
        PlacementStrategy fixed = new FixedPlacement(Map.of("start", 0, "left", 0, "right", 1, "join", 0));
        PlacementPlan plan = new PlacementPlanner(fixed).plan(definition, 2);
        registry.add(Deployment.of(new DeployedWorkflow("diamond", 1, DIAMOND, true, plan, 0)));
        engine = new NodeEngine(0, registry, store, effects, ONE_TRY);
    }

    private void end(String function) {
        engine.onLocalRunEnded(RunEnds.succeeded(effects.request(function)));
    }

    @Test
    void shouldRunStartFunctionsWhenAnInvocationArrives() {
        assertEquals(NodeEngine.Acceptance.ACCEPTED, engine.onInvocation(new InvocationRecord("i1", "diamond", null, System.currentTimeMillis())));
        assertEquals(List.of("start"), effects.runs);
    }

    @Test
    void shouldTriggerLocalSuccessorInProcessAndSendOneEventToTheRemoteOne() {
        long submitted = System.currentTimeMillis();
        engine.onInvocation(new InvocationRecord("i1", "diamond", null, submitted));
        end("start");
        assertEquals(List.of("start", "left"), effects.runs);
        assertEquals(1, effects.sent.size());
        RecordingEffects.Sent sent = effects.sent.get(0);
        assertEquals(1, sent.node());
        assertEquals(new TriggerEvent("i1", "diamond", 1, "right", "start", 0, submitted), sent.event());
    }

    @Test
    void shouldRunAJoinOnlyAfterEveryParentFinished() {
        engine.onInvocation(new InvocationRecord("i1", "diamond", null, System.currentTimeMillis()));
        end("start");
        end("left");
        assertTrue(!effects.runs.contains("join"), "join must wait for right");
        engine.trigger(new TriggerEvent("i1", "diamond", 1, "join", "right", 0, 5));
        assertEquals(List.of("start", "left", "join"), effects.runs);
    }

    @Test
    void shouldCountARedeliveredTriggerOnce() {
        engine.onInvocation(new InvocationRecord("i1", "diamond", null, System.currentTimeMillis()));
        end("start");
        end("left");
        engine.trigger(new TriggerEvent("i1", "diamond", 1, "join", "left", 0, 5));
        assertTrue(!effects.runs.contains("join"), "a duplicate of left's trigger must not stand in for right");
        engine.trigger(new TriggerEvent("i1", "diamond", 1, "join", "right", 0, 5));
        engine.trigger(new TriggerEvent("i1", "diamond", 1, "join", "right", 0, 5));
        assertEquals(1, effects.runs.stream().filter("join"::equals).count());
    }

    @Test
    void shouldForwardAnInvocationThatArrivedAtANodeWithoutItsStart() {
        NodeEngine other = new NodeEngine(1, registry, new InMemoryStateStore(), effects, ONE_TRY);
        assertEquals(NodeEngine.Acceptance.FORWARDED, other.onInvocation(new InvocationRecord(null, "diamond", null, 0)));
        assertEquals(1, effects.forwarded.size());
        assertTrue(effects.forwarded.get(0).id() != null, "the receiving node names the invocation");
    }

    @Test
    void shouldCompleteOnceEveryFunctionReportedAndCleanUp() {
        engine.onInvocation(new InvocationRecord("i1", "diamond", null, System.currentTimeMillis()));
        end("start");
        end("left");
        engine.onReport(new ReportEvent("i1", "right", 1, 10, 30, true, null, null, 1, java.util.Map.of("out", 7L)));
        engine.trigger(new TriggerEvent("i1", "diamond", 1, "join", "right", 0, 5));
        end("join");
        assertEquals(1, effects.results.size());
        assertEquals(InvocationStatus.SUCCEEDED, effects.results.get(0).status());
        assertEquals(4, effects.results.get(0).functions().size());
        assertEquals(7L, effects.results.get(0).outputBytes().get("right/out"), "observed sizes reach the result");
        assertTrue(effects.sent.stream().anyMatch(s -> s.node() == 1 && s.event() instanceof FinishEvent));
        assertTrue(store.isFinished("i1"));
        engine.trigger(new TriggerEvent("i1", "diamond", 1, "join", "right", 0, 5));
        assertEquals(1, effects.runs.stream().filter("join"::equals).count(), "late events are dropped");
    }

    @Test
    void shouldFailTheInvocationWhenAFunctionFails() {
        engine.onInvocation(new InvocationRecord("i1", "diamond", null, System.currentTimeMillis()));
        engine.onLocalRunEnded(RunEnds.failed(effects.request("start"), "IllegalStateException", "boom"));
        assertEquals(1, effects.results.size());
        assertEquals(InvocationStatus.FAILED, effects.results.get(0).status());
        assertEquals("start", effects.results.get(0).error().function());
        assertEquals("boom", effects.results.get(0).error().message());
        assertTrue(!effects.runs.contains("left"), "nothing after a failed function runs");
    }

    @Test
    void shouldReportAFailureToTheHomeNodeWhenATriggerNamesAnUnknownDeployment() {
        NodeEngine other = new NodeEngine(1, registry, new InMemoryStateStore(), effects, ONE_TRY);
        other.onUndeliverable("i1", "right", 0);
        RecordingEffects.Sent sent = effects.sent.get(0);
        assertEquals(0, sent.node());
        ReportEvent report = (ReportEvent) sent.event();
        assertEquals("UnknownDeployment", report.errorType());
        assertTrue(!report.succeeded());
    }

    @Test
    void shouldPublishTheResultAgainWhenTheNodeStoppedBeforeItWasAcknowledged() {
        engine.onInvocation(new InvocationRecord("i1", "diamond", null, System.currentTimeMillis()));
        engine.onLocalRunEnded(RunEnds.failed(effects.request("start"), "IllegalStateException", "boom"));
        assertEquals(1, effects.results.size());
        // The node stopped before the result's acknowledgement: the state comes back from the changelog.
        InMemoryStateStore restored = new InMemoryStateStore();
        var state = new io.faasflow.scheduler.state.InvocationState("i2", "diamond", 1, 0, 5);
        state.endStatus = InvocationStatus.FAILED;
        state.failureType = "IllegalStateException";
        state.failedFunction = "start";
        state.failureMessage = "boom";
        restored.put(state);
        new NodeEngine(0, registry, restored, effects, ONE_TRY).resume(state);
        assertEquals(2, effects.results.size());
        assertEquals(InvocationStatus.FAILED, effects.results.get(1).status());
        assertEquals("boom", effects.results.get(1).error().message());
    }

    @Test
    void shouldRerunFunctionsThatWereRunningWhenTheNodeStopped() {
        engine.onInvocation(new InvocationRecord("i1", "diamond", null, System.currentTimeMillis()));
        NodeEngine restarted = new NodeEngine(0, registry, store, effects, ONE_TRY);
        effects.runs.clear();
        store.all().forEach(restarted::resume);
        assertEquals(List.of("start"), effects.runs);
    }

    @Test
    void shouldHandBackAReportOfAnInvocationItDoesNotKnowYet() {
        ReportEvent early = new ReportEvent("i1", "right", 1, 10, 30, true, null, null, 1, Map.of());
        assertTrue(!engine.onReport(early), "kept by the caller until the replayed invocation record arrives");
        engine.onInvocation(new InvocationRecord("i1", "diamond", null, System.currentTimeMillis()));
        assertTrue(engine.onReport(early));
    }

    @Test
    void shouldRemoveOutputsAFunctionWroteWithoutDeclaringThem() {
        engine.onInvocation(new InvocationRecord("i1", "diamond", null, System.currentTimeMillis()));
        engine.onLocalRunEnded(RunEnds.succeeded(effects.request("start"), Map.of("extra", 3L), Map.of()));
        engine.onFinish(new FinishEvent("i1", "diamond", 1));
        assertTrue(effects.removed.contains("start/extra"), effects.removed.toString());
    }
}
