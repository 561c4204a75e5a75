package io.faasflow.experiments.cli;

import io.faasflow.experiments.cluster.ClusterOptions;
import io.faasflow.experiments.cluster.FunctionImage;
import io.faasflow.scheduler.NodeSchedulerConfig;
import io.faasflow.scheduler.runtime.ContainerSettings;
import io.faasflow.scheduler.runtime.DockerRuntime;
import io.faasflow.scheduler.runtime.DockerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code --runtime embedded|process|docker|auto} of {@code up} and {@code demo}: where the cluster's functions
 * run (embedded when absent). For docker, and for auto when an engine answers, the function image is built first
 * ({@code compose/build-function-image.sh}, which skips an unchanged image).
 */
final class FunctionRuntimeOption {
    private FunctionRuntimeOption() {
    }

    static ClusterOptions apply(CliArguments arguments, ClusterOptions options, Path home)
            throws InterruptedException {
        String runtime = arguments.options().getOrDefault("runtime", ContainerSettings.EMBEDDED);
        if (!ContainerSettings.RUNTIMES.contains(runtime)) {
            throw new IllegalArgumentException("--runtime must be one of " + ContainerSettings.RUNTIMES + "; got '"
                    + runtime + "'");
        }
        boolean docker = runtime.equals("docker")
                || runtime.equals("auto") && DockerRuntime.probe(DockerSettings.defaults().host(), Duration.ofSeconds(2)).isPresent();
        if (docker) {
            FunctionImage.build(home);
        }
        Map<String, String> properties = new HashMap<>(options.schedulerProperties());
        properties.put(NodeSchedulerConfig.RUNTIME_CONFIG, runtime);
        return options.withSchedulerProperties(properties);
    }
}
