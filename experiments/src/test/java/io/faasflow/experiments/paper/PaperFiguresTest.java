package io.faasflow.experiments.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Expected values are the ones FAASFLOW.md quotes (§6 and §9.2). */
class PaperFiguresTest {
    private static final List<String> WORKFLOWS = List.of("cycles", "epigenomics", "genome", "soykb", "video",
            "illgal_recognizer", "fileprocessing", "wordcount");

    @Test
    void dataOverhead() {
        Map<String, Double> optimized = PaperFigures.byWorkflow("data_overhead", "optimized.csv");
        Map<String, Double> raw = PaperFigures.byWorkflow("data_overhead", "raw.csv");

        assertEquals(WORKFLOWS, List.copyOf(optimized.keySet()));
        assertEquals(10.28, optimized.get("cycles"), 0.005);
        assertEquals(204.24, raw.get("cycles"), 0.005);
        assertEquals(0.214, optimized.get("wordcount"), 0.0005);
    }

    @Test
    void corunLatencyWithTimeout() {
        Map<String, Double> raw = PaperFigures.byWorkflow("e2e_latency_and_colocation", "raw_corun.csv");
        Map<String, Double> optimized = PaperFigures.byWorkflow("e2e_latency_and_colocation", "optimized_corun.csv");

        assertTrue(raw.containsKey("cycles"));
        assertNull(raw.get("cycles"));
        assertEquals(12.67, raw.get("epigenomics"), 0.005);
        assertEquals(8.19, optimized.get("cycles"), 0.005);
    }

    @Test
    void genomeTailLatencyAt50MBps() {
        SortedMap<Double, Double> optimized = PaperFigures.byRate("genvid_tail_latency", "optimized_genome_50MB.csv");

        assertEquals(List.of(2.0, 4.0, 6.0, 8.0, 10.0), List.copyOf(optimized.keySet()));
        assertEquals(12.5, optimized.get(2.0), 0.05);
        assertEquals(20.3, optimized.get(6.0), 0.05);
        assertTrue(optimized.containsKey(8.0));
        assertNull(optimized.get(8.0));
        assertNull(optimized.get(10.0));
    }

    @Test
    void schedulerScalability() {
        List<double[]> rows = PaperFigures.schedulerScalability();

        assertEquals(List.of(10.0, 25.0, 50.0, 100.0, 200.0), rows.stream().map(row -> row[0]).toList());
        double[] largest = rows.get(4);
        assertEquals(0.961, largest[1], 0.0005);
        assertEquals(34.7, largest[2], 0.05);
        assertEquals(24.4, rows.get(0)[2], 0.05);
    }

    @Test
    void componentOverhead() {
        Map<String, Double> overhead = PaperFigures.componentOverhead();

        assertEquals(Set.of("memory_mb", "cpu_cores"), overhead.keySet());
        assertEquals(47.12, overhead.get("memory_mb"), 0.005);
        assertEquals(0.12, overhead.get("cpu_cores"), 1e-9);
    }

    @Test
    void scheduleOverheadInMillis() {
        Map<String, Double> workerSp = PaperFigures.scheduleOverheadMillis("WorkerSP");
        Map<String, Double> masterSp = PaperFigures.scheduleOverheadMillis("MasterSP");

        assertEquals(WORKFLOWS, List.copyOf(workerSp.keySet()));
        assertEquals(169, workerSp.get("genome"), 0.5);
        assertEquals(947, masterSp.get("genome"), 0.5);
        assertEquals(40, workerSp.get("wordcount"), 0.5);
        double meanReduction = WORKFLOWS.stream()
                .mapToDouble(workflow -> 1 - workerSp.get(workflow) / masterSp.get(workflow))
                .average().orElseThrow();
        assertEquals(0.7463, meanReduction, 0.00005);
    }

    @Test
    void errorsNameTheResourceAndLine() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> PaperFigures.byWorkflow("data_overhead", "nope.csv"));
        assertTrue(missing.getMessage().contains("expected/data_overhead/nope.csv"), missing.getMessage());

        IllegalStateException wrongKind = assertThrows(IllegalStateException.class,
                () -> PaperFigures.byWorkflow("genvid_tail_latency", "raw_video_25MB.csv"));
        assertTrue(wrongKind.getMessage().contains("expected/genvid_tail_latency/raw_video_25MB.csv line 1"),
                wrongKind.getMessage());

        IllegalStateException notCsv = assertThrows(IllegalStateException.class,
                () -> PaperFigures.byWorkflow("component_overhead", "component_overhead.txt"));
        assertTrue(notCsv.getMessage().contains("component_overhead.txt line 1"), notCsv.getMessage());
    }

    @Test
    void readsEveryPublishedFile() throws IOException, URISyntaxException {
        Path root = Path.of(PaperFigures.class.getResource("/io/faasflow/experiments/paper/expected").toURI());
        Set<String> experiments = new TreeSet<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (path.getParent().equals(root)) {
                    continue; // NOTICE.md and LICENSE
                }
                String experiment = path.getParent().getFileName().toString();
                String file = path.getFileName().toString();
                experiments.add(experiment);
                files++;
                switch (experiment) {
                    case "genvid_tail_latency" -> assertFalse(PaperFigures.byRate(experiment, file).isEmpty(), file);
                    case "scheduler_scalability" -> assertEquals(5, PaperFigures.schedulerScalability().size());
                    case "component_overhead" -> assertEquals(2, PaperFigures.componentOverhead().size());
                    case "schedule_overhead" -> assertEquals(WORKFLOWS,
                            List.copyOf(PaperFigures.scheduleOverheadMillis(file.replace(".csv", "")).keySet()));
                    default -> assertEquals(WORKFLOWS, List.copyOf(PaperFigures.byWorkflow(experiment, file).keySet()),
                            experiment + "/" + file);
                }
            }
        }
        assertEquals(Set.of("all_tail_latency", "component_overhead", "data_overhead", "e2e_latency_and_colocation",
                "genvid_tail_latency", "schedule_overhead", "scheduler_scalability"), experiments);
        assertEquals(28, files);
    }
}
