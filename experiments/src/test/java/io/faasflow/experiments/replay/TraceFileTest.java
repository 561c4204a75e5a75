package io.faasflow.experiments.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFileTest {
    @TempDir
    Path dir;

    @Test
    void readsOffsetsWorkflowsAndInputsInOffsetOrder() throws IOException {
        Path trace = write("""
                offset_ms,workflow,input
                # a comment
                250,video,{"split": true, "segments": 3}
                0,wordcount
                100.5,genome,"{""size"": 2}"

                """);
        List<Arrival> arrivals = TraceFile.read(trace);
        assertEquals(3, arrivals.size());
        assertEquals(0, arrivals.get(0).offsetNanos());
        assertEquals("wordcount", arrivals.get(0).target().workflow());
        assertEquals(0, arrivals.get(0).target().input().size());
        assertEquals(100_500_000, arrivals.get(1).offsetNanos());
        assertEquals(2, arrivals.get(1).target().input().path("size").asInt());
        assertEquals(250_000_000, arrivals.get(2).offsetNanos());
        assertEquals(3, arrivals.get(2).target().input().path("segments").asInt());
    }

    @Test
    void aMalformedLineIsNamedWithFileAndLine() throws IOException {
        Path trace = write("offset_ms,workflow,input\n0,genome,{}\nsoon,genome,{}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraceFile.read(trace));
        assertTrue(e.getMessage().startsWith(trace + ":3:") && e.getMessage().contains("soon"), e.getMessage());

        Path notObject = write("0,genome,[1,2]\n");
        e = assertThrows(IllegalArgumentException.class, () -> TraceFile.read(notObject));
        assertTrue(e.getMessage().contains(":1:") && e.getMessage().contains("JSON object"), e.getMessage());

        Path negative = write("-5,genome\n");
        e = assertThrows(IllegalArgumentException.class, () -> TraceFile.read(negative));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void anEmptyTraceIsRefused() throws IOException {
        Path trace = write("offset_ms,workflow,input\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraceFile.read(trace));
        assertTrue(e.getMessage().contains("no invocation"), e.getMessage());
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "trace", ".csv");
        Files.writeString(file, text);
        return file;
    }
}
