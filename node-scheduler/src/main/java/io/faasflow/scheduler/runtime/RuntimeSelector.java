package io.faasflow.scheduler.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks a node's container runtime from its setting: {@code docker}, {@code process}, {@code inprocess} or
 * {@code auto} (docker when a Docker engine answers, else process), and logs the choice.
 */
public final class RuntimeSelector {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeSelector.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private RuntimeSelector() {
    }

    /**
     * The runtime for a scheduler: {@code inprocess} is refused, being for unit tests only.
     *
     * @param logDirectory where process containers write their output; null: to the scheduler's standard error
     */
    public static ContainerRuntime select(String setting, Path logDirectory, DockerSettings docker) {
        return select(setting, logDirectory, docker, null);
    }

    /**
     * @param inProcess makes the runtime for {@code inprocess} (tests); null refuses that setting
     * @throws IllegalArgumentException for an unknown setting, naming the accepted ones
     * @throws IllegalStateException for {@code docker} when the engine does not answer or lacks the image
     */
    public static ContainerRuntime select(String setting, Path logDirectory, DockerSettings docker,
            Supplier<InProcessRuntime> inProcess) {
        String choice = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "process" -> {
                LOG.info("container runtime: process (function servers in child JVMs{})", where(logDirectory));
                return process(logDirectory);
            }
            case "docker" -> {
                return docker(docker, "docker");
            }
            case "auto" -> {
                if (DockerRuntime.probe(docker.host(), PROBE_TIMEOUT).isPresent()) {
                    return docker(docker, "auto chose docker");
                }
                LOG.info("container runtime: auto chose process, as no Docker engine answers at {} (function servers "
                        + "in child JVMs{})", docker.host(), where(logDirectory));
                return process(logDirectory);
            }
            case "inprocess" -> {
                if (inProcess == null) {
                    throw new IllegalArgumentException("container runtime 'inprocess' is for unit tests only; "
                            + "use 'docker', 'process' or 'auto'");
                }
                LOG.warn("container runtime: inprocess (unit tests only: no containers, no isolation)");
                return inProcess.get();
            }
            default -> throw new IllegalArgumentException("unknown container runtime '" + setting
                    + "': expected docker, process, inprocess or auto");
        }
    }

    private static ContainerRuntime docker(DockerSettings settings, String how) {
        DockerRuntime runtime = DockerRuntime.connect(settings);
        LOG.info("container runtime: {} (image {}, engine {}, network {})", how, settings.image(), settings.host(),
                settings.network());
        return runtime;
    }

    private static ContainerRuntime process(Path logDirectory) {
        return logDirectory == null ? ProcessRuntime.inheritingOutput() : ProcessRuntime.loggingTo(logDirectory);
    }

    private static String where(Path logDirectory) {
        return logDirectory == null ? ", output to standard error" : ", logs in " + logDirectory;
    }
}
