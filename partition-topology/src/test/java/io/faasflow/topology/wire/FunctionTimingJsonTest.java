package io.faasflow.topology.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data times of a function travel in results, and results written before they existed still read. */
class FunctionTimingJsonTest {

    @Test
    void shouldRoundTripPutAndFetchMicros() throws Exception {
        FunctionTiming timing = new FunctionTiming(2, 1, 3, 1_000, 3_000, 1, 250, 700);
        String json = new String(WireJson.write(timing), StandardCharsets.UTF_8);
        assertEquals(timing, WireJson.read(json.getBytes(StandardCharsets.UTF_8), FunctionTiming.class));
        assertTrue(json.contains("\"putMicros\":250") && json.contains("\"fetchMicros\":700"), json);
    }

    @Test
    void shouldReadAResultWithoutDataTimesAsZero() throws Exception {
        String old = """
                {"id":"i1","workflow":"w","status":"SUCCEEDED","submittedAt":1,"startedAt":2,"finishedAt":3,
                 "functions":{"f":{"node":0,"start":2,"end":3,"startMicros":2000,"endMicros":3000,"attempts":1}}}
                """;
        InvocationResult result = WireJson.read(old.getBytes(StandardCharsets.UTF_8), InvocationResult.class);
        assertEquals(Map.of("f", new FunctionTiming(0, 2, 3, 2_000, 3_000, 1, 0, 0)), result.functions());
    }
}
