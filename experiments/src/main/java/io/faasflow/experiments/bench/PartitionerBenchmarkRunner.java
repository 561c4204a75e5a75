package io.faasflow.experiments.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link PartitionerBenchmark} with the GC profiler (allocation per partitioning) and writes JSON. */
public final class PartitionerBenchmarkRunner {
    private PartitionerBenchmarkRunner() {
    }

    public static Path run(Path workDir, boolean quick) throws RunnerException, java.io.IOException {
        Path results = Files.createDirectories(workDir.resolve("results")).resolve("partitioner-jmh.json");
        Options options = new OptionsBuilder()
                .include(PartitionerBenchmark.class.getName())
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(1))
                .addProfiler("gc")
                .jvmArgsAppend("-Xmx1g")
                .resultFormat(ResultFormatType.JSON)
                .result(results.toString())
                .build();
        new Runner(options).run();
        return results;
    }
}
