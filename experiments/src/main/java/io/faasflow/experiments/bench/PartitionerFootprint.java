package io.faasflow.experiments.bench;

import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.load.LayeredDagYaml;
import io.faasflow.topology.load.WorkflowLoader;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.partition.GroupingPartitioner;
import io.faasflow.topology.partition.PartitionerConfig;
import io.faasflow.topology.placement.PlacementPlanner;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the original's scheduler-scalability experiment measured: a whole process that loads one DAG and
 * partitions it once, its CPU time (core-seconds) and its peak resident memory. Each DAG runs in a fresh
 * JVM (this class's {@code main}); the parent collects the figures.
 */
public final class PartitionerFootprint {
    private PartitionerFootprint() {
    }

    /** Child: partitions one DAG, then prints {@code cpuSeconds peakRssKiB}. */
    public static void main(String[] args) throws IOException {
        String dag = args[0];
        String[] parts = dag.split("-");
        int size = Integer.parseInt(parts[1]);
        String yaml = parts[0].equals("wdl") ? BenchmarkWorkflows.scalabilityYaml(size) : LayeredDagYaml.generate(size, 10);
        WorkflowDefinition workflow = new WorkflowLoader().parse(dag, yaml, dag);
        PartitionerConfig config = PartitionerConfig.DEFAULTS.withScaleLimit(200);
        int scale = workflow.functions().stream().mapToInt(f -> f.scale()).sum();
        int nodes = Math.max(7, (int) Math.ceil(scale / config.nodeCapacity()) + 1);
        new PlacementPlanner(new GroupingPartitioner(config)).plan(workflow, nodes);
        long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        System.out.printf(Locale.ROOT, "%.3f %d%n", cpuNanos / 1e9, peakRssKib());
    }

    private static long peakRssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Parent: one child JVM per DAG; prints and writes a CSV of core-seconds and peak RSS. */
    public static Map<String, String> run(Path workDir, PrintStream out) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Map<String, String> figures = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        for (String dag : List.of("wdl-10", "wdl-25", "wdl-50", "wdl-100", "wdl-200", "layered-1000", "layered-5000")) {
            Process child = new ProcessBuilder(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    PartitionerFootprint.class.getName(), dag).redirectErrorStream(true).start();
            String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            child.waitFor(5, TimeUnit.MINUTES);
            String[] values = printed.substring(printed.lastIndexOf('\n') + 1).split(" ");
            String line = String.format(Locale.ROOT, "%s: %s core-s, peak RSS %.1f MB (whole JVM)", dag, values[0],
                    Long.parseLong(values[1]) / 1024.0);
            out.println(line);
            figures.put(dag, printed);
            rows.add(dag + "," + values[0] + "," + values[1]);
        }
        Path file = new ResultFiles(workDir.resolve("results")).csv("partitioner-footprint.csv", "dag,core_seconds,peak_rss_kib", rows);
        out.println("wrote " + file);
        return figures;
    }
}
