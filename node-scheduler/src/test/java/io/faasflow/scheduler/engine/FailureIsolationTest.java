package io.faasflow.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.scheduler.TwoNodeChain;
import io.faasflow.scheduler.definition.DeploymentRegistry;
import io.faasflow.scheduler.event.ReportEvent;
import io.faasflow.scheduler.event.TriggerEvent;
import io.faasflow.scheduler.intake.RejectedRecordException;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the engine does when a record is forged or handling one throws: the invocation fails, the node goes on. */
class FailureIsolationTest {
    private final DeploymentRegistry registry = new DeploymentRegistry();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final RecordingEffects effects = new RecordingEffects();

    private NodeEngine engineOn(int node) {
        registry.add(TwoNodeChain.deployment());
        return new NodeEngine(node, registry, store, effects, NodeEngineTest.ONE_TRY);
    }

    @Test
    void shouldRefuseAReportOfAFunctionTheDeploymentLacksWithoutTouchingTheInvocation() {
        NodeEngine home = engineOn(0);
        home.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis()));
        ReportEvent forged = new ReportEvent("i1", "nope", 1, 0, 0, true, null, null, 1, Map.of());
        assertThrows(RejectedRecordException.class, () -> home.onReport(forged));
        assertTrue(store.get("i1").orElseThrow().reports.isEmpty());
        assertTrue(effects.results.isEmpty());
    }

    @Test
    void shouldEndTheInvocationWithInternalErrorOnItsHomeNode() {
        NodeEngine home = engineOn(0);
        home.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis()));
        home.failAfterError("i1", "a", -1, "node 0: java.lang.IllegalStateException: boom");
        assertEquals(1, effects.results.size());
        assertEquals(InvocationStatus.FAILED, effects.results.getFirst().status());
        assertEquals("InternalError", effects.results.getFirst().error().type());
        assertTrue(effects.results.getFirst().error().message().contains("boom"));
        assertTrue(store.isFinished("i1"));
    }

    @Test
    void shouldTellTheHomeNodeThroughAFailedReportElsewhere() {
        NodeEngine other = engineOn(1);
        other.trigger(new TriggerEvent("i1", "chain", 1, "b", "a", 0, 1));
        effects.sent.clear();
        other.failAfterError("i1", "b", 0, "node 1: boom");
        assertEquals(1, effects.sent.size());
        assertEquals(0, effects.sent.getFirst().node());
        ReportEvent report = (ReportEvent) effects.sent.getFirst().event();
        assertEquals("InternalError", report.errorType());
        assertEquals("b", report.function());
    }

    @Test
    void shouldReportEveryFunctionRunningHereWhenATaskWithoutAFunctionFails() {
        NodeEngine other = engineOn(1);
        other.trigger(new TriggerEvent("i1", "chain", 1, "b", "a", 0, 1));
        effects.sent.clear();
        other.failAfterError("i1", null, -1, "node 1: a function end threw");
        assertEquals(1, effects.sent.size(), effects.sent.toString());
        ReportEvent report = (ReportEvent) effects.sent.getFirst().event();
        assertEquals(0, effects.sent.getFirst().node());
        assertEquals("b", report.function());
        assertEquals("InternalError", report.errorType());
    }

    @Test
    void shouldStartAnInvocationWhoseEventsReachedItsHomeBeforeItsRecord() {
        NodeEngine home = engineOn(0);
        long submitted = System.currentTimeMillis();
        // A restarted home node can read a trigger of the invocation before the record it has not committed yet.
        home.trigger(new TriggerEvent("i1", "chain", 1, "a", null, 0, submitted));
        assertEquals(0, store.get("i1").orElseThrow().startedAt);
        home.onInvocation(new InvocationRecord("i1", "chain", null, submitted));
        assertTrue(store.get("i1").orElseThrow().startedAt > 0, "the record starts it");
        assertTrue(store.get("i1").orElseThrow().inputsStored, "its inputs are stored");
    }

    @Test
    void shouldTimeOutAHomeStateThatNeverSawItsRecordFromItsSubmission() {
        NodeEngine home = engineOn(0);
        home.trigger(new TriggerEvent("i1", "chain", 1, "a", null, 0,
                System.currentTimeMillis() - java.time.Duration.ofHours(1).toMillis()));
        home.expireInvocations();
        assertEquals(1, effects.results.size());
        assertEquals(InvocationStatus.TIMED_OUT, effects.results.getFirst().status());
    }

    @Test
    void shouldAnnounceAnEndOnlyOnceItsStateIsDurable() {
        NodeEngine home = engineOn(0);
        home.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis()));
        java.util.concurrent.CompletableFuture<Void> write = new java.util.concurrent.CompletableFuture<>();
        store.nextPersist = write;
        effects.sent.clear();
        home.failAfterError("i1", "a", -1, "node 0: boom");
        assertTrue(effects.results.isEmpty(), "no result before the end is in the changelog");
        assertTrue(effects.sent.isEmpty(), "no finish to other nodes before it either");
        assertTrue(effects.removedFrom.isEmpty(), "no data removed before it either");
        write.complete(null);
        assertEquals(1, effects.results.size());
        assertEquals(1, effects.sent.size());
        assertEquals(List.of("i1"), effects.removedFrom);
    }

    @Test
    void shouldAnnounceNothingWhenTheEndCouldNotBeWritten() {
        NodeEngine home = engineOn(0);
        home.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis()));
        store.nextPersist = java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("Kafka down"));
        home.failAfterError("i1", "a", -1, "node 0: boom");
        assertTrue(effects.results.isEmpty());
        assertTrue(effects.removedFrom.isEmpty());
    }

    @Test
    void shouldCutAHugeErrorMessage() {
        NodeEngine home = engineOn(0);
        home.onInvocation(new InvocationRecord("i1", "chain", null, System.currentTimeMillis()));
        home.failAfterError("i1", null, -1, "x".repeat(1_000_000));
        assertTrue(effects.results.getFirst().error().message().length() < 5_000);
    }
}
