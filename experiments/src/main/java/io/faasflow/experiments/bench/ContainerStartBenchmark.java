package io.faasflow.experiments.bench;

import io.faasflow.scheduler.runtime.ContainerRuntime;
import io.faasflow.scheduler.runtime.ContainerSpec;
import io.faasflow.scheduler.runtime.DockerSettings;
import io.faasflow.scheduler.runtime.RuntimeSelector;
import io.faasflow.scheduler.runtime.StorageSettings;
import io.faasflow.storage.StorageConfig;
import io.faasflow.storage.local.CouchDbStandIn;
import io.faasflow.storage.local.RedisServerProcess;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold-start and warm-start overhead of the pooled container runtimes, with a no-op function: for each runtime
 * this build has, {@link ColdStarts} and {@link WarmRuns} through a {@code ContainerPool}, against a local
 * {@code redis-server} and the CouchDB stand-in (a function server connects to both at {@code /init}). A runtime
 * the build does not have is reported as not measured, with no figure.
 */
public final class ContainerStartBenchmark {
    /** The runtimes tried, in order. */
    static final List<String> RUNTIMES = List.of("process", "docker");

    private ContainerStartBenchmark() {
    }

    /**
     * Measures, prints and writes {@code container-starts.csv} (every sample) and {@code container-starts.json}
     * (summary per runtime) to {@code <workDir>/results}.
     *
     * @param coldStarts cold samples per runtime, at least 1
     * @param warmRuns warm samples per runtime, at least 1
     * @return the summary written to the JSON file
     */
    public static Map<String, Object> run(Path projectHome, Path workDir, int coldStarts, int warmRuns, PrintStream out)
            throws InterruptedException {
        requirePositive("--cold", coldStarts);
        requirePositive("--warm", warmRuns);
        Map<String, Object> summary = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        NoopDeployment deployment = new NoopDeployment();
        try (RedisServerProcess redis = RedisServerProcess.start(workDir.resolve("redis"));
                CouchDbStandIn couch = CouchDbStandIn.start(projectHome, workDir.resolve("couchdb"))) {
            StorageSettings storage = StorageSettings.of(new StorageConfig(redis.uri(), couch.url(),
                    StorageConfig.DEFAULT_DATABASE, StorageConfig.DEFAULT_TTL));
            String owner = "bench-containers-" + ProcessHandle.current().pid();
            for (String name : RUNTIMES) {
                ContainerRuntime runtime;
                try {
                    runtime = RuntimeSelector.select(name, workDir.resolve("containers").resolve(name), DockerSettings.defaults());
                } catch (IllegalStateException e) {
                    out.println(name + ": not measured (not available here: " + e.getMessage() + ")");
                    summary.put(name, new NotMeasured(false, "not available here: " + e.getMessage()));
                    continue;
                }
                try (runtime) {
                    out.println(name + ": " + coldStarts + " cold starts, then " + warmRuns + " warm runs of a no-op ...");
                    List<ContainerSample> cold = ColdStarts.measure(runtime, version -> ContainerSpec.of(
                            NoopDeployment.NODE, deployment.version(version), NoopDeployment.FUNCTION, storage, 1.0,
                            1.0, owner), coldStarts);
                    List<ContainerSample> warm = WarmRuns.measure(runtime, ContainerSpec.of(NoopDeployment.NODE,
                            deployment.version(coldStarts + 2L), NoopDeployment.FUNCTION, storage, 1.0, 1.0, owner),
                            warmRuns);
                    summary.put(name, StartFigures.of(cold, warm).print(name, out));
                    for (int i = 0; i < cold.size(); i++) {
                        rows.add(cold.get(i).csv(name, i));
                    }
                    for (int i = 0; i < warm.size(); i++) {
                        rows.add(warm.get(i).csv(name, i));
                    }
                }
            }
        }
        ResultFiles files = new ResultFiles(workDir.resolve("results"));
        out.println("wrote " + files.json("container-starts.json", summary) + " and "
                + files.csv("container-starts.csv", ContainerSample.CSV_HEADER, rows));
        return summary;
    }

    /** The summary entry of a runtime this build does not have: no figure. */
    public record NotMeasured(boolean measured, String reason) {
    }

    private static void requirePositive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1; got " + value);
        }
    }
}
