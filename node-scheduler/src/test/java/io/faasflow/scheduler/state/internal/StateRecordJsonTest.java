package io.faasflow.scheduler.state.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.scheduler.state.ForeachProgress;
import io.faasflow.scheduler.state.FunctionStatus;
import io.faasflow.scheduler.state.HostedRuns;
import io.faasflow.scheduler.state.InvocationState;
import io.faasflow.topology.wire.FunctionTiming;
import io.faasflow.topology.wire.InvocationStatus;
import io.faasflow.topology.wire.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a node writes to its changelog comes back whole after a restart. */
class StateRecordJsonTest {

    @Test
    void shouldRoundTripForeachProgressHostedRunsAndTheDecidedEnd() throws Exception {
        InvocationState state = new InvocationState("i1", "wordcount", 3, 1, 5);
        var count = state.function("count");
        count.status = FunctionStatus.RUNNING;
        count.parentElements.put("start", 5000);
        count.foreach = new ForeachProgress(5000);
        count.foreach.markEnded(4999, 10, 20);
        count.foreach.setAttempt(7, 2);
        HostedRuns hosted = new HostedRuns();
        for (int element = 0; element < 5000; element++) {
            hosted.request(element, element == 7 ? 2 : 1);
        }
        hosted.markEnded(6, 1);
        hosted.elementCounts.put("start", 5000);
        state.hosted.put("count", hosted);
        state.inputKeys.add("INPUT/files");
        state.endStatus = InvocationStatus.CANCELLED;

        byte[] json = WireJson.write(new StateRecord(state, null));
        InvocationState back = WireJson.read(json, StateRecord.class).state();

        var restored = back.function("count");
        assertTrue(restored.foreach.hasEnded(4999));
        assertEquals(1, restored.foreach.endedCount);
        assertEquals(2, restored.foreach.attemptOf(7));
        assertEquals(1, restored.foreach.attemptOf(8));
        assertEquals(5000, restored.parentElements.get("start"));
        HostedRuns back5000 = back.hosted.get("count");
        assertTrue(back5000.isRunning(7));
        assertTrue(!back5000.isRunning(6));
        assertTrue(!back5000.request(7, 2), "a repeated request of try 2 is recognised after the restart");
        assertEquals(5000, back5000.elementCounts.get("start"));
        assertEquals(InvocationStatus.CANCELLED, back.endStatus);
        assertTrue(json.length < 200_000, "a 5000-element foreach stays a small record: " + json.length + " bytes");
    }

    @Test
    void shouldKeepDataTimesAndReadRecordsWrittenBeforeThemAsZero() throws Exception {
        InvocationState state = new InvocationState("i1", "wordcount", 3, 1, 5);
        var count = state.function("count");
        count.putNanos = 7_000;
        count.fetchNanos = 9_000;
        state.reports.put("start", new FunctionTiming(1, 2, 3, 2_000, 3_000, 1, 40, 50));
        byte[] json = WireJson.write(new StateRecord(state, null));
        InvocationState back = WireJson.read(json, StateRecord.class).state();
        assertEquals(7_000, back.function("count").putNanos);
        assertEquals(9_000, back.function("count").fetchNanos);
        assertEquals(state.reports, back.reports);

        ObjectNode old = (ObjectNode) WireJson.mapper().readTree(json);
        ObjectNode oldState = (ObjectNode) old.get("state");
        ((ObjectNode) oldState.get("functions").get("count")).remove(List.of("putNanos", "fetchNanos"));
        ((ObjectNode) oldState.get("reports").get("start")).remove(List.of("putMicros", "fetchMicros"));
        InvocationState before = WireJson.read(WireJson.write(old), StateRecord.class).state();
        assertEquals(0, before.function("count").putNanos);
        assertEquals(0, before.function("count").fetchNanos);
        assertEquals(new FunctionTiming(1, 2, 3, 2_000, 3_000, 1), before.reports.get("start"));
    }
}
