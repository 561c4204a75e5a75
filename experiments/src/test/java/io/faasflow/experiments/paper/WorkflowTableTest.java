package io.faasflow.experiments.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowTableTest {
    @TempDir
    Path dir;

    private static WorkflowTable table(Map<String, Double> faasflow, Map<String, Double> master) {
        Map<Configuration, Map<String, Double>> ours = new EnumMap<>(Configuration.class);
        ours.put(Configuration.FAASFLOW, faasflow);
        ours.put(Configuration.MASTERSP, master);
        return new WorkflowTable("e2e latency", "ms", "s", PaperWorkflows.ORDER, ours,
                WorkflowTable.paper("e2e_latency_and_colocation", "optimized_corun.csv", "raw_corun.csv"));
    }

    private static Map<String, Double> all(double value) {
        Map<String, Double> values = new HashMap<>();
        PaperWorkflows.ORDER.forEach(workflow -> values.put(workflow, value));
        return values;
    }

    @Test
    void timeoutsAreWrittenAsSuchAndAreNoProblem() throws Exception {
        Map<String, Double> master = all(200);
        master.put("cycles", null);
        WorkflowTable table = table(all(100), master);
        String markdown = table.write(new ReportWriter(dir, "t"), "t", "title");
        assertTrue(markdown.contains("| cycles | 100 | timeout | n/a (timeout) |"), markdown);
        assertTrue(markdown.contains("| wordcount | 100 | 200 | 0.500x |"), markdown);
        assertEquals(List.of(), table.problems("e"));
        List<String> csv = Files.readAllLines(dir.resolve("t/t.csv"));
        assertTrue(csv.get(1).startsWith("cycles,100.000000,timeout,timeout,"), csv.get(1));
        assertTrue(Files.size(dir.resolve("t/t.png")) > 0);
        assertEquals(0.5, table.meanRatio(table.ours()), 1e-9);
    }

    @Test
    void aMissingWorkflowOrANonFiniteFigureIsAProblem() {
        Map<String, Double> faasflow = all(100);
        faasflow.remove("video");
        Map<String, Double> master = all(200);
        master.put("genome", Double.NaN);
        List<String> problems = table(faasflow, master).problems("e2e");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("FaaSFlow") && problems.get(0).contains("video"), problems.toString());
        assertTrue(problems.get(1).contains("MasterSP") && problems.get(1).contains("genome"), problems.toString());
    }
}
