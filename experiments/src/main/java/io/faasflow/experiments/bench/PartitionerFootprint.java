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

    /**
     * Child: plans one DAG with the grouping partitioner, or with the raw hash spread when {@code args[1]} is
     * {@code raw}, then prints {@code cpuSeconds peakRssKiB planCpuSeconds}.
     */
    public static void main(String[] args) throws IOException {
        String dag = args[0];
        boolean raw = args.length > 1 && args[1].equals("raw");
        String[] parts = dag.split("-");
        int size = Integer.parseInt(parts[1]);
        String yaml = parts[0].equals("wdl") ? BenchmarkWorkflows.scalabilityYaml(size) : LayeredDagYaml.generate(size, 10);
        WorkflowDefinition workflow = new WorkflowLoader().parse(dag, yaml, dag);
        PartitionerConfig config = PartitionerConfig.DEFAULTS.withScaleLimit(200);
        int scale = workflow.functions().stream().mapToInt(f -> f.scale()).sum();
        int nodes = Math.max(7, (int) Math.ceil(scale / config.nodeCapacity()) + 1);
        long planStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        (raw ? PlacementPlanner.raw() : new PlacementPlanner(new GroupingPartitioner(config))).plan(workflow, nodes);
        long planNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - planStart;
        long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        System.out.printf(Locale.ROOT, "%.3f %d %.6f%n", cpuNanos / 1e9, peakRssKib(), planNanos / 1e9);
    }

    private static long peakRssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /**
     * What one child measured.
     *
     * @param processCpuSeconds CPU time of the whole child JVM (start-up, loading, planning)
     * @param peakRssKib the child's peak resident memory
     * @param planCpuSeconds CPU time of the planning call alone
     */
    public record Footprint(double processCpuSeconds, long peakRssKib, double planCpuSeconds) {
    }

    /** Plans {@code dag} ({@code wdl-N} or {@code layered-N}) in a fresh JVM with {@code planner} (grouping or raw). */
    public static Footprint measure(String dag, String planner) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                PartitionerFootprint.class.getName(), dag, planner).redirectErrorStream(true).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!child.waitFor(5, TimeUnit.MINUTES) || child.exitValue() != 0) {
            throw new IllegalStateException("planning " + dag + " with " + planner + " failed: " + printed);
        }
        String[] values = printed.substring(printed.lastIndexOf('\n') + 1).split(" ");
        return new Footprint(Double.parseDouble(values[0]), Long.parseLong(values[1]), Double.parseDouble(values[2]));
    }

    /** Parent: one child JVM per DAG; prints and writes a CSV of core-seconds and peak RSS. */
    public static Map<String, Footprint> run(Path workDir, PrintStream out) throws IOException, InterruptedException {
        Map<String, Footprint> figures = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        for (String dag : List.of("wdl-10", "wdl-25", "wdl-50", "wdl-100", "wdl-200", "layered-1000", "layered-5000")) {
            Footprint footprint = measure(dag, "grouping");
            out.println(String.format(Locale.ROOT, "%s: %.3f core-s, peak RSS %.1f MB (whole JVM)", dag,
                    footprint.processCpuSeconds(), footprint.peakRssKib() / 1024.0));
            figures.put(dag, footprint);
            rows.add(String.format(Locale.ROOT, "%s,%.3f,%d", dag, footprint.processCpuSeconds(), footprint.peakRssKib()));
        }
        Path file = new ResultFiles(workDir.resolve("results")).csv("partitioner-footprint.csv", "dag,core_seconds,peak_rss_kib", rows);
        out.println("wrote " + file);
        return figures;
    }
}
