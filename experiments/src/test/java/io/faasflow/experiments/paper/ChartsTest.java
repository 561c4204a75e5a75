package io.faasflow.experiments.paper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void barsWithTimeoutsAndManyCategories() throws IOException {
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        String[] workflows = {"cycles", "epigenomics", "genome", "soykb", "video", "illgal_recognizer",
            "fileprocessing", "wordcount"};
        for (int i = 0; i < workflows.length; i++) {
            Map<String, Double> bars = new HashMap<>();
            bars.put("FaaSFlow (ours)", 1.0 + i);
            bars.put("MasterSP (ours)", i == 0 ? null : 2.0 + i);
            values.put(workflows[i], bars);
        }
        values.get("video").remove("MasterSP (ours)");
        values.get("genome").put("FaaSFlow (ours)", Double.NaN);

        Path file = Charts.bars(dir.resolve("new/folder/e2e.png"), "E2E latency", "latency (s)", values);

        assertPng(file);
    }

    @Test
    void barsOfOneSeriesAndOfNothing() throws IOException {
        assertPng(Charts.bars(dir.resolve("one.png"), "one", "s", Map.of("genome", Map.of("paper", 4.9))));
        assertPng(Charts.bars(dir.resolve("none.png"), "none", "s", Map.of()));
    }

    @Test
    void linesWithGaps() throws IOException {
        SortedMap<Double, Double> ours = new TreeMap<>(Map.of(2.0, 12.5, 4.0, 14.0, 6.0, 20.3));
        ours.put(8.0, null);
        ours.put(10.0, null);
        SortedMap<Double, Double> baseline = new TreeMap<>(Map.of(2.0, 14.2, 4.0, 14.7, 10.0, 30.0));
        baseline.put(6.0, null);
        Map<String, SortedMap<Double, Double>> series = new LinkedHashMap<>();
        series.put("FaaSFlow", ours);
        series.put("MasterSP", baseline);
        series.put("all timeouts", new TreeMap<>(Map.of()));
        series.get("all timeouts").put(2.0, null);

        Path file = Charts.lines(dir.resolve("genome_50MB.png"), "genome @ 50 MB/s", "requests/min",
                "p99 latency (s)", series);

        assertPng(file);
    }

    private static void assertPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, PNG_MAGIC.length), file + " is not a PNG");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " cannot be decoded");
        assertEquals(900, image.getWidth());
        assertEquals(500, image.getHeight());
    }
}
