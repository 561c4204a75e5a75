package io.faasflow.scheduler.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Data times travel with run ends and reports; events of nodes that do not measure them read as 0. */
class EventCodecTest {

    @Test
    void shouldCarryDataTimesInRunEndsAndReports() throws Exception {
        RunEndedEvent ended = new RunEndedEvent("i1", "w", 1, "f", 2, 1, 0, 10, 20, null, null, Map.of("out", 3L),
                Map.of(), -1, 1_500, 2_500);
        ReportEvent report = new ReportEvent("i1", "f", 0, 10, 20, true, null, null, 1, Map.of(), false, 4_000, 6_000);
        assertEquals(ended, EventCodec.decode(EventCodec.encode(ended)));
        assertEquals(report, EventCodec.decode(EventCodec.encode(report)));
    }

    @Test
    void shouldReadAReportWithoutDataTimesAsZero() throws Exception {
        String old = """
                {"kind":"report","invocation":"i1","function":"f","node":0,"startMicros":10,"endMicros":20,
                 "succeeded":true,"attempts":1,"outputBytes":{},"skipped":false}
                """;
        ReportEvent report = (ReportEvent) EventCodec.decode(old.getBytes(StandardCharsets.UTF_8));
        assertEquals(new ReportEvent("i1", "f", 0, 10, 20, true, null, null, 1, Map.of()), report);
        assertEquals(0, report.putNanos() + report.fetchNanos());
    }
}
