package io.faasflow.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.definition.DeploymentRegistry;
import io.faasflow.scheduler.event.EventCodec;
import io.faasflow.scheduler.event.FinishEvent;
import io.faasflow.scheduler.event.NodeEvent;
import io.faasflow.scheduler.event.RunEndedEvent;
import io.faasflow.scheduler.event.RunRequestEvent;
import io.faasflow.scheduler.event.TriggerEvent;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.placement.FixedPlacement;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import io.faasflow.topology.wire.DeployedWorkflow;
import io.faasflow.topology.wire.FunctionTiming;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.InvocationStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Foreach fan-out and merge on the bundled wordcount, and the master-side baseline, with no services. */
class ForeachAndMasterModeTest {
    private final DeploymentRegistry registry = new DeploymentRegistry();
    private final RecordingEffects effects = new RecordingEffects();

    ForeachAndMasterModeTest() {
        var definition = BenchmarkWorkflows.load("wordcount");
        // start and count on node 0, merge on node 1.
        PlacementPlan plan = new PlacementPlanner(new FixedPlacement(Map.of("start", 0, "count", 0, "merge", 1)))
                .plan(definition, 2);
        registry.add(Deployment.of(new DeployedWorkflow("wordcount", 1, BenchmarkWorkflows.yaml("wordcount"), true, plan, 0)));
    }

    private NodeEngine worker(int node, InMemoryStateStore store) {
        return new NodeEngine(node, registry, store, effects, NodeEngineTest.ONE_TRY);
    }

    @Test
    void shouldRunTheForeachFunctionOncePerElementAndPassTheCountToTheMerge() {
        NodeEngine engine = worker(0, new InMemoryStateStore());
        engine.onInvocation(new InvocationRecord("i1", "wordcount", null, System.currentTimeMillis()));
        engine.onLocalRunEnded(RunEnds.succeeded(effects.request("start"), Map.of("file", 100L), Map.of("filename", 8)));
        List<RunRequestEvent> counts = effects.requests.stream().filter(r -> r.function().equals("count")).toList();
        assertEquals(8, counts.size());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), counts.stream().map(RunRequestEvent::element).toList());
        for (RunRequestEvent count : counts.reversed()) {
            assertTrue(effects.sent.stream().noneMatch(s -> s.event() instanceof TriggerEvent), "merge waits for every element");
            engine.onLocalRunEnded(RunEnds.succeeded(count, Map.of("wordcount", 10L), Map.of()));
            engine.onLocalRunEnded(RunEnds.succeeded(count, Map.of("wordcount", 10L), Map.of()));
        }
        TriggerEvent merge = (TriggerEvent) effects.sent.stream().filter(s -> s.event() instanceof TriggerEvent)
                .findFirst().orElseThrow().event();
        assertEquals("merge", merge.function());
        assertEquals(8, merge.elements(), "the merge learns how many outputs to read");
    }

    @Test
    void shouldReportTheDataTimesOfAForeachFunctionSummedOverItsElements() {
        InMemoryStateStore store = new InMemoryStateStore();
        NodeEngine engine = worker(0, store);
        engine.onInvocation(new InvocationRecord("i1", "wordcount", null, System.currentTimeMillis()));
        engine.onLocalRunEnded(RunEnds.withDataTimes(RunEnds.succeeded(effects.request("start"), Map.of(),
                Map.of("filename", 3)), 1_000_000, 400_000));
        for (RunRequestEvent count : effects.requests.stream().filter(r -> r.function().equals("count")).toList()) {
            RunEndedEvent end = RunEnds.withDataTimes(RunEnds.succeeded(count), 2_000_000, 1_500_500);
            engine.onLocalRunEnded(end);
            engine.onLocalRunEnded(end);
        }
        Map<String, FunctionTiming> reports = store.get("i1").orElseThrow().reports;
        assertEquals(1_000, reports.get("start").putMicros());
        assertEquals(400, reports.get("start").fetchMicros());
        assertEquals(6_000, reports.get("count").putMicros(), "three elements, each end counted once");
        assertEquals(4_501, reports.get("count").fetchMicros(), "summed in nanoseconds, then converted");
    }

    @Test
    void shouldTreatAnEmptyListAsAForeachThatRanAndEnded() {
        NodeEngine engine = worker(0, new InMemoryStateStore());
        engine.onInvocation(new InvocationRecord("i1", "wordcount", null, System.currentTimeMillis()));
        engine.onLocalRunEnded(RunEnds.succeeded(effects.request("start"), Map.of(), Map.of("filename", 0)));
        assertTrue(effects.requests.stream().noneMatch(r -> r.function().equals("count")));
        TriggerEvent merge = (TriggerEvent) effects.sent.get(0).event();
        assertEquals(0, merge.elements());
        NodeEngine mergeNode = worker(1, new InMemoryStateStore());
        mergeNode.trigger(merge);
        assertEquals(Map.of("count", 0), effects.request("merge").elementCounts());
    }

    @Test
    void shouldFailTheForeachWhenTheProducerStoredNoList() {
        NodeEngine engine = worker(0, new InMemoryStateStore());
        engine.onInvocation(new InvocationRecord("i1", "wordcount", null, System.currentTimeMillis()));
        engine.onLocalRunEnded(RunEnds.succeeded(effects.request("start")));
        InvocationResult result = effects.results.get(0);
        assertEquals(InvocationStatus.FAILED, result.status());
        assertEquals("count", result.error().function());
        assertEquals("NoElements", result.error().type());
    }

    @Test
    void shouldRemoveEveryElementsOutputWhenTheInvocationEnds() {
        InMemoryStateStore store = new InMemoryStateStore();
        NodeEngine engine = worker(0, store);
        engine.onInvocation(new InvocationRecord("i1", "wordcount", null, System.currentTimeMillis()));
        engine.onLocalRunEnded(RunEnds.succeeded(effects.request("start"), Map.of(), Map.of("filename", 3)));
        engine.onFinish(new FinishEvent("i1", "wordcount", 1));
        assertTrue(effects.removed.containsAll(List.of("count/wordcount@0", "count/wordcount@1", "count/wordcount@2",
                "start/filename", "start/file")), effects.removed.toString());
    }

    @Test
    void shouldLetTheMasterScheduleEveryFunctionThroughRunRequests() throws Exception {
        EngineSettings master = NodeEngineTest.ONE_TRY.withMode(SchedulingMode.MASTER).withMasterNode(1);
        InMemoryStateStore masterStore = new InMemoryStateStore();
        NodeEngine masterNode = new NodeEngine(1, registry, masterStore, effects, master);
        NodeEngine host = new NodeEngine(0, registry, new InMemoryStateStore(), effects, master);

        assertEquals(NodeEngine.Acceptance.FORWARDED, host.onInvocation(new InvocationRecord("i1", "wordcount", null, System.currentTimeMillis())));
        masterNode.onInvocation(effects.forwarded.get(0).withId("i1"));
        RunRequestEvent start = sentRunRequest(0, "start");
        host.onRunRequest(start);
        host.onRunRequest(start);
        assertEquals(List.of("start"), effects.runs, "a repeated request starts one run");

        host.onLocalRunEnded(RunEnds.withDataTimes(RunEnds.succeeded(start, Map.of(), Map.of("filename", 2)),
                3_000_000, 1_000_000));
        RunEndedEvent ended = overTheWire(effects.sent.getLast().event());
        assertEquals(1, effects.sent.getLast().node(), "the end goes back to the master");
        masterNode.onRunEnded(ended);
        masterNode.onRunEnded(ended);
        List<RunRequestEvent> counts = effects.sent.stream().map(RecordingEffects.Sent::event)
                .filter(e -> e instanceof RunRequestEvent r && r.function().equals("count")).map(e -> (RunRequestEvent) e).toList();
        assertEquals(2, counts.size(), "one request per element, once");
        for (RunRequestEvent count : counts) {
            host.onRunRequest(count);
            host.onLocalRunEnded(RunEnds.withDataTimes(RunEnds.succeeded(count), 500_000, 250_000));
            masterNode.onRunEnded(overTheWire(effects.sent.getLast().event()));
        }
        RunRequestEvent merge = effects.request("merge");
        assertEquals(Map.of("count", 2), merge.elementCounts());
        masterNode.onLocalRunEnded(RunEnds.succeeded(merge));
        InvocationResult result = effects.results.get(0);
        assertEquals(InvocationStatus.SUCCEEDED, result.status());
        assertTrue(effects.sent.stream().anyMatch(s -> s.node() == 0 && s.event() instanceof FinishEvent));
        assertEquals(new FunctionTiming(0, 0, 0, 10, 20, 1, 3_000, 1_000), result.functions().get("start"),
                "the data times of a run on a host reach the master");
        assertEquals(1_000, result.functions().get("count").putMicros());
        assertEquals(500, result.functions().get("count").fetchMicros());
    }

    /** An event as the master reads it from the events topic. */
    private static RunEndedEvent overTheWire(NodeEvent event) throws Exception {
        return (RunEndedEvent) EventCodec.decode(EventCodec.encode(event));
    }

    private RunRequestEvent sentRunRequest(int node, String function) {
        return effects.sent.stream().filter(s -> s.node() == node && s.event() instanceof RunRequestEvent r
                && r.function().equals(function)).map(s -> (RunRequestEvent) s.event()).findFirst().orElseThrow();
    }
}
