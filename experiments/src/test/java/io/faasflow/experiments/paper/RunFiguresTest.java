package io.faasflow.experiments.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.experiments.replay.Completion;
import io.faasflow.experiments.replay.ReplayRecord;
import io.faasflow.experiments.replay.ReplayRun;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.InvocationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunFiguresTest {
    private static final PaperWorkflow WORDCOUNT = PaperWorkflows.of("wordcount");

    private static ReplayRecord record(long latencyMs, InvocationStatus status) {
        InvocationResult result = status == null ? null
                : new InvocationResult("id" + latencyMs, WORDCOUNT.deployment(), status, null, 0, 0, 0, Map.of());
        Completion completion = new Completion("id" + latencyMs + status, WORDCOUNT.target(), 0, latencyMs * 1_000_000,
                status == null ? Completion.Outcome.CLIENT_TIMEOUT : Completion.Outcome.RESULT, result, null);
        return new ReplayRecord(false, -1, 0, completion);
    }

    private static ReplayRun run(ReplayRecord... records) {
        return new ReplayRun("test", null, 0, new ArrayList<>(List.of(records)), 0, 0, 0);
    }

    @Test
    void meanAndTailOfSucceededInvocations() {
        ReplayRun run = run(record(10, InvocationStatus.SUCCEEDED), record(30, InvocationStatus.SUCCEEDED));
        assertEquals(20, RunFigures.meanLatencyMillis(run, WORDCOUNT), 1e-9);
        assertEquals(30, RunFigures.tailMillis(run, WORDCOUNT), 1e-9);
    }

    @Test
    void aTimeOutIsReportedAsSuch() {
        ReplayRun run = run(record(10, InvocationStatus.SUCCEEDED), record(6000, null));
        assertNull(RunFigures.tailMillis(run, WORDCOUNT));
        assertEquals(10, RunFigures.meanLatencyMillis(run, WORDCOUNT), 1e-9);
        assertNull(RunFigures.meanLatencyMillis(run(record(6000, null)), WORDCOUNT));
    }

    @Test
    void aFailedInvocationLeavesNoFigure() {
        ReplayRun run = run(record(10, InvocationStatus.SUCCEEDED), record(12, InvocationStatus.FAILED));
        assertTrue(RunFigures.meanLatencyMillis(run, WORDCOUNT).isNaN());
        assertTrue(RunFigures.tailMillis(run, WORDCOUNT).isNaN());
        assertTrue(RunFigures.meanLatencyMillis(run(), WORDCOUNT).isNaN(), "no invocation at all");
    }
}
