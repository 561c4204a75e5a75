package io.faasflow.experiments.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.topology.wire.InvocationFailure;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.InvocationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplaySummaryTest {
    private static final long MS = 1_000_000;

    private static ReplayRecord record(String workflow, boolean warmup, long sentMs, long latencyMs, InvocationStatus status) {
        ReplayTarget target = new ReplayTarget(workflow, null);
        String id = workflow + "-" + sentMs;
        InvocationResult result = status == null ? null : new InvocationResult(id, workflow, status,
                status == InvocationStatus.FAILED ? new InvocationFailure("f", "Boom", "it broke, \"badly\"", 1) : null,
                1000, 1001, 1000 + latencyMs, Map.of());
        Completion completion = new Completion(id, target, sentMs * MS, (sentMs + latencyMs) * MS,
                status == null ? Completion.Outcome.CLIENT_TIMEOUT : Completion.Outcome.RESULT, result, null);
        return new ReplayRecord(warmup, -1, sentMs * MS, completion);
    }

    @Test
    void summarisesMeasuredInvocationsOverallAndPerWorkflow() {
        List<ReplayRecord> records = new ArrayList<>();
        records.add(record("a", true, -50, 999, InvocationStatus.SUCCEEDED));
        for (int i = 1; i <= 100; i++) {
            records.add(record(i % 2 == 0 ? "a" : "b", false, i * 10L, i, InvocationStatus.SUCCEEDED));
        }
        records.add(record("a", false, 1005, 0, InvocationStatus.FAILED));
        records.add(record("b", false, 1006, 5000, null));
        records.add(record("b", false, 1007, 30, InvocationStatus.TIMED_OUT));
        ReplaySummary summary = ReplaySummary.of(new ReplayRun("test", new ArrivalRate(100), 0, records, 3, 1, 7));
        assertEquals(103, summary.all().count());
        assertEquals(100, summary.all().succeeded());
        assertEquals(1, summary.all().failed());
        assertEquals(2, summary.all().timedOut());
        assertEquals(1, summary.warmups());
        assertEquals(50, summary.all().p50Millis());
        assertEquals(99, summary.all().p99Millis());
        assertEquals(100, summary.all().maxMillis());
        assertEquals(50.5, summary.all().meanMillis(), 1e-9);
        assertEquals(51, summary.workflows().get("a").count());
        assertEquals(52, summary.workflows().get("b").count());
        assertEquals(3, summary.duplicateResults());
        // 103 sends from 10 ms to 1,007 ms.
        assertEquals(102 / 0.997, summary.sentRatePerSecond(), 1e-6);
        assertEquals(100 / 6.006, summary.throughputPerSecond(), 1e-6);
    }

    @Test
    void noSuccessLeavesLatencyEmpty() {
        LatencySummary summary = LatencySummary.of(List.of(record("a", false, 0, 10, null)));
        assertEquals(1, summary.timedOut());
        assertNull(summary.p50Millis());
    }

    @Test
    void csvRowsQuoteErrorsAndLeaveTimeoutLatencyEmpty() {
        String failed = ReplayFiles.row(record("a", false, 20, 7, InvocationStatus.FAILED));
        assertTrue(failed.endsWith(",FAILED,7.000,7,\"Boom: it broke, \"\"badly\"\"\""), failed);
        String timedOut = ReplayFiles.row(record("b", false, 20, 7, null));
        assertTrue(timedOut.endsWith(",CLIENT_TIMEOUT,,,"), timedOut);
    }
}
