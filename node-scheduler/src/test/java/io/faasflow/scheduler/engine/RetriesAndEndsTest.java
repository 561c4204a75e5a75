package io.faasflow.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.definition.DeploymentRegistry;
import io.faasflow.scheduler.event.CancelEvent;
import io.faasflow.scheduler.event.FinishEvent;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.placement.FixedPlacement;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.wire.DeployedWorkflow;
import io.faasflow.topology.wire.FunctionTiming;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.InvocationStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retries with backoff, per-function settings, cancellation and the invocation timeout, with no services. */
class RetriesAndEndsTest {
    // a -> b; a tries 4 times 50 ms apart with a 2 s timeout per try; b takes the node's defaults.
    private static final String YAML = """
            functions:
            - name: a
              source: synthetic
              max_attempts: 4
              retry_backoff_ms: 50
              timeout_s: 2
              output: {out: {type: normal, size: 1}}
              next: {type: pass, nodes: [b]}
            - name: b
              source: synthetic
              input: {x: {type: normal, value: {function: a, parameter: out}, size: 1}}
            """;
    private static final EngineSettings SETTINGS = EngineSettings.DEFAULTS.withRetries(2, Duration.ofMillis(10))
            .withTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(1));

    private final DeploymentRegistry registry = new DeploymentRegistry();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final RecordingEffects effects = new RecordingEffects();
    private final NodeEngine engine;

    RetriesAndEndsTest() {
        var definition = new WorkflowLoader().parse("chain", YAML, "test");
        PlacementPlan plan = new PlacementPlanner(new FixedPlacement(Map.of("a", 0, "b", 1))).plan(definition, 2);
        registry.add(Deployment.of(new DeployedWorkflow("chain", 1, YAML, false, plan, 0)));
        engine = new NodeEngine(0, registry, store, effects, SETTINGS);
    }

    @Test
    void shouldRetryAFailingFunctionWithDoublingBackoffAndFailAfterItsDeclaredAttempts() {
        engine.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis()));
        assertEquals(Duration.ofSeconds(2), effects.timeouts.get(0), "the declared timeout of one try");
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertEquals(attempt, effects.request("a").attempt());
            engine.onLocalRunEnded(RunEnds.failed(effects.request("a"), "IllegalStateException", "boom " + attempt));
            if (attempt < 4) {
                assertEquals(Duration.ofMillis(50L << (attempt - 1)), effects.scheduled.get(0).delay());
                assertTrue(effects.results.isEmpty(), "no result while tries remain");
                effects.fireTimers(engine);
            }
        }
        assertEquals(4, effects.runs.size());
        InvocationResult result = effects.results.get(0);
        assertEquals(InvocationStatus.FAILED, result.status());
        assertEquals("a", result.error().function());
        assertEquals(4, result.error().attempts());
        assertEquals("boom 4", result.error().message());
        assertEquals("IllegalStateException", result.error().type());
    }

    @Test
    void shouldSucceedWhenARetrySucceedsAndIgnoreTheEndOfAnEarlierTry() {
        engine.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis()));
        var first = effects.request("a");
        engine.onLocalRunEnded(RunEnds.failed(first, "TimedOut", "did not finish"));
        effects.fireTimers(engine);
        engine.onLocalRunEnded(RunEnds.succeeded(first));
        assertTrue(effects.sent.isEmpty(), "a late end of try 1 does not stand in for try 2");
        engine.onLocalRunEnded(RunEnds.succeeded(effects.request("a")));
        engine.onLocalRunEnded(RunEnds.succeeded(effects.request("a")));
        assertEquals(1, effects.sent.stream().filter(s -> s.node() == 1).count(), "b is triggered once");
    }

    @Test
    void shouldCountTheDataTimesOfTheTryThatSucceededOnly() {
        engine.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis()));
        engine.onLocalRunEnded(RunEnds.withDataTimes(RunEnds.failed(effects.request("a"), "IllegalStateException",
                "boom"), 9_000_000, 9_000_000));
        effects.fireTimers(engine);
        engine.onLocalRunEnded(RunEnds.withDataTimes(RunEnds.succeeded(effects.request("a")), 2_000_000, 1_000_000));
        FunctionTiming a = store.get("i1").orElseThrow().reports.get("a");
        assertEquals(2, a.attempts());
        assertEquals(2_000, a.putMicros());
        assertEquals(1_000, a.fetchMicros());
    }

    @Test
    void shouldReportTheDataTimesOfTheLastTryOfAFunctionThatFailed() {
        engine.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis()));
        for (int attempt = 1; attempt <= 4; attempt++) {
            engine.onLocalRunEnded(RunEnds.withDataTimes(RunEnds.failed(effects.request("a"), "IllegalStateException",
                    "boom"), attempt * 1_000_000L, attempt * 2_000_000L));
            effects.fireTimers(engine);
        }
        FunctionTiming a = effects.results.get(0).functions().get("a");
        assertEquals(4_000, a.putMicros());
        assertEquals(8_000, a.fetchMicros());
    }

    @Test
    void shouldNotRetryAFunctionWithoutImplementation() {
        engine.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis()));
        engine.onLocalRunEnded(RunEnds.failed(effects.request("a"), "NoImplementation", "none"));
        assertEquals(1, effects.runs.size());
        assertEquals(1, effects.results.get(0).error().attempts());
    }

    @Test
    void shouldEndAsCancelledStopRunsAndRemoveData() {
        engine.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis()));
        engine.onCancel(new CancelEvent("i1"));
        assertEquals(InvocationStatus.CANCELLED, effects.results.get(0).status());
        assertEquals(List.of("i1"), effects.stopped);
        assertTrue(effects.removed.contains("a/out"), effects.removed.toString());
        assertTrue(effects.sent.stream().anyMatch(s -> s.node() == 1 && s.event() instanceof FinishEvent));
        engine.onLocalRunEnded(RunEnds.succeeded(effects.request("a"), Map.of("out", 1L), Map.of()));
        assertEquals(1, effects.results.size(), "a run ending after the cancel changes nothing");
    }

    @Test
    void shouldApplyACancelThatArrivedBeforeTheInvocation() {
        engine.onCancel(new CancelEvent("i1"));
        engine.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis()));
        assertEquals(InvocationStatus.CANCELLED, effects.results.get(0).status());
        assertTrue(effects.runs.isEmpty());
    }

    @Test
    void shouldEndAsTimedOutAfterTheInvocationTimeout() {
        engine.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis()));
        engine.expireInvocations();
        assertTrue(effects.results.isEmpty(), "not yet");
        store.get("i1").orElseThrow().startedAt -= Duration.ofMinutes(2).toMillis();
        engine.expireInvocations();
        InvocationResult result = effects.results.get(0);
        assertEquals(InvocationStatus.TIMED_OUT, result.status());
        assertTrue(result.error().message().contains("[a, b]"), result.error().message());
    }

    @Test
    void shouldTimeOutAnInvocationThatReachesItsHomeOnlyAfterItsDeadline() {
        long submitted = System.currentTimeMillis() - Duration.ofMinutes(5).toMillis();
        engine.onInvocation(new InvocationRecord("i1", "chain", null, submitted));
        InvocationResult result = effects.results.get(0);
        assertEquals(InvocationStatus.TIMED_OUT, result.status());
        assertTrue(result.error().message().contains("past the time-out of 60 s (was its scheduler down?)"),
                result.error().message());
        assertTrue(effects.runs.isEmpty(), "nothing ran");
    }

    @Test
    void shouldCountTheTimeItsHomeWasDownAndTimeOutOnResume() {
        engine.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis()));
        var state = store.get("i1").orElseThrow();
        state.submittedAt -= Duration.ofMinutes(2).toMillis();
        state.startedAt -= Duration.ofMinutes(2).toMillis();
        engine.resume(state);
        InvocationResult result = effects.results.get(0);
        assertEquals(InvocationStatus.TIMED_OUT, result.status());
        assertTrue(result.error().message().startsWith("its time-out of 60 s passed while node"), result.error().message());
    }

    @Test
    void shouldNotLetAFutureSubmissionTimeExtendTheDeadline() {
        engine.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis() + Duration.ofDays(1).toMillis()));
        store.get("i1").orElseThrow().startedAt -= Duration.ofMinutes(2).toMillis();
        engine.expireInvocations();
        assertEquals(InvocationStatus.TIMED_OUT, effects.results.get(0).status());
    }

    @Test
    void shouldStoreUndeclaredInputFieldsInTheSharedStoreAndRemoveThemAtTheEnd() {
        var input = io.faasflow.topology.wire.WireJson.mapper().createObjectNode().put("files", 3);
        engine.onInvocation(new InvocationRecord("i1", "chain", input, System.currentTimeMillis()));
        assertEquals(List.of("INPUT/files"), effects.stored);
        assertEquals(io.faasflow.topology.placement.Destination.DB, effects.destinations.get("INPUT/files"));
        engine.onCancel(new CancelEvent("i1"));
        assertTrue(effects.removed.contains("INPUT/files"));
    }
}
