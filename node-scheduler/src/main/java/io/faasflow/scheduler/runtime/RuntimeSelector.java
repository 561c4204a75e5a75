package io.faasflow.scheduler.runtime;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks a node's container runtime from its setting: {@code docker}, {@code process}, {@code inprocess} or
 * {@code auto}, and logs the choice. This build has no docker runtime yet: {@code docker} is refused and
 * {@code auto} takes {@code process}.
 */
public final class RuntimeSelector {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeSelector.class);

    private RuntimeSelector() {
    }

    /**
     * The runtime for a scheduler: {@code inprocess} is refused, being for unit tests only.
     *
     * @param logDirectory where process containers write their output; null: to the scheduler's standard error
     */
    public static ContainerRuntime select(String setting, Path logDirectory) {
        return select(setting, logDirectory, null);
    }

    /**
     * @param inProcess makes the runtime for {@code inprocess} (tests); null refuses that setting
     * @throws IllegalArgumentException for an unknown or unavailable setting, naming the accepted ones
     */
    public static ContainerRuntime select(String setting, Path logDirectory, Supplier<InProcessRuntime> inProcess) {
        String choice = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "process" -> {
                LOG.info("container runtime: process (function servers in child JVMs{})", where(logDirectory));
                return process(logDirectory);
            }
            case "auto" -> {
                LOG.info("container runtime: auto chose process, as the docker runtime is not available in this "
                        + "build yet (function servers in child JVMs{})", where(logDirectory));
                return process(logDirectory);
            }
            case "docker" -> throw new IllegalArgumentException("container runtime 'docker' is not available in "
                    + "this build yet; use 'process' or 'auto'");
            case "inprocess" -> {
                if (inProcess == null) {
                    throw new IllegalArgumentException("container runtime 'inprocess' is for unit tests only; "
                            + "use 'process' or 'auto'");
                }
                LOG.warn("container runtime: inprocess (unit tests only: no containers, no isolation)");
                return inProcess.get();
            }
            default -> throw new IllegalArgumentException("unknown container runtime '" + setting
                    + "': expected docker, process, inprocess or auto");
        }
    }

    private static ContainerRuntime process(Path logDirectory) {
        return logDirectory == null ? ProcessRuntime.inheritingOutput() : ProcessRuntime.loggingTo(logDirectory);
    }

    private static String where(Path logDirectory) {
        return logDirectory == null ? ", output to standard error" : ", logs in " + logDirectory;
    }
}
