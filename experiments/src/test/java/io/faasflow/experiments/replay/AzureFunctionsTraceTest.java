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

class AzureFunctionsTraceTest {
    private static final String HEADER = "HashOwner,HashApp,HashFunction,Trigger,1,2,3,4";
    private static final List<ReplayTarget> TARGETS = List.of(new ReplayTarget("genome", null),
            new ReplayTarget("video", null));

    @TempDir
    Path dir;

    @Test
    void everyMinutesCountBecomesThatManyArrivalsWithinThatMinute() throws IOException {
        Path trace = write(HEADER + "\no1,a1,f1,http,3,0,5,1\no2,a2,f2,timer,1,2,0,0\no3,a3,f3,queue,9,9,9,9\n");
        List<Arrival> arrivals = new AzureFunctionsTrace(2, 2, 2, 1.0, 11).read(trace, TARGETS);
        long minute = 60_000_000_000L;
        // Minutes 2 and 3 of the first two functions: f1 0 + 5, f2 2 + 0.
        assertEquals(7, arrivals.size());
        assertEquals(5, arrivals.stream().filter(a -> a.target().workflow().equals("genome")).count());
        assertEquals(5, arrivals.stream().filter(a -> a.offsetNanos() >= minute).count());
        assertEquals(2, arrivals.stream().filter(a -> a.target().workflow().equals("video") && a.offsetNanos() < minute).count());
        assertTrue(arrivals.stream().allMatch(a -> a.offsetNanos() < 2 * minute));
        for (int i = 1; i < arrivals.size(); i++) {
            assertTrue(arrivals.get(i - 1).offsetNanos() <= arrivals.get(i).offsetNanos());
        }
    }

    @Test
    void theTimeScaleCompressesMinutes() throws IOException {
        Path trace = write(HEADER + "\no1,a1,f1,http,100,100,0,0\n");
        List<Arrival> arrivals = new AzureFunctionsTrace(1, 2, 10, 60.0, 1).read(trace, TARGETS);
        assertEquals(200, arrivals.size());
        assertTrue(arrivals.getLast().offsetNanos() < 2_000_000_000L);
        assertEquals(100, arrivals.stream().filter(a -> a.offsetNanos() < 1_000_000_000L).count());
    }

    @Test
    void badFilesAreNamedWithTheirLine() throws IOException {
        Path noHeader = write("a,b,c\n1,2,3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AzureFunctionsTrace(1, 1, 10, 1, 1).read(noHeader, TARGETS));
        assertTrue(e.getMessage().startsWith(noHeader + ":1:"), e.getMessage());

        Path badCount = write(HEADER + "\no1,a1,f1,http,1,x,0,0\n");
        e = assertThrows(IllegalArgumentException.class, () -> new AzureFunctionsTrace(1, 4, 10, 1, 1).read(badCount, TARGETS));
        assertTrue(e.getMessage().startsWith(badCount + ":2: minute 2"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> new AzureFunctionsTrace(3, 5, 10, 1, 1).read(badCount, TARGETS));
        assertTrue(e.getMessage().contains("minutes 3-7"), e.getMessage());
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "azure", ".csv");
        Files.writeString(file, text);
        return file;
    }
}
