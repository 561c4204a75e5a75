package io.faasflow.scheduler.runtime;

import java.util.Objects;
import java.util.Set;

/**
 * Where a node's functions run and how their containers are kept.
 *
 * @param runtime {@code embedded} (inside the scheduler, no containers), {@code process}, {@code docker} or
 *     {@code auto} (docker when an engine answers, else process)
 * @param pool limits and idle reclaim of the pool
 * @param docker engine, image and network of the docker runtime
 * @param memoryLimitBytes each container's memory limit
 * @param ownerId marks the containers of this scheduler: the same after a restart, different for any other
 *     scheduler on the same engine; a starting scheduler removes what its owner id left behind
 * @param prewarm containers to start per function before the first run
 * @param logDirectory where process containers write their output, one file each; null: to the scheduler's
 *     standard error
 * @param functionCouchUrl the CouchDB URL function code gets, with the credentials of a user that is no admin;
 *     null: the scheduler's own, which then must carry no credentials
 */
public record ContainerSettings(String runtime, PoolSettings pool, DockerSettings docker, long memoryLimitBytes,
        String ownerId, Prewarm prewarm, java.nio.file.Path logDirectory, String functionCouchUrl) {
    public static final String EMBEDDED = "embedded";
    public static final Set<String> RUNTIMES = Set.of(EMBEDDED, "process", "docker", "auto");

    public ContainerSettings {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(docker, "docker");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(prewarm, "prewarm");
        if (!RUNTIMES.contains(runtime)) {
            throw new IllegalArgumentException("runtime must be one of " + RUNTIMES + "; got '" + runtime + "'");
        }
        if (memoryLimitBytes < ContainerSpec.MIN_MEMORY_LIMIT_BYTES) {
            throw new IllegalArgumentException("container memory limit must be at least "
                    + ContainerSpec.MIN_MEMORY_LIMIT_BYTES / (1024 * 1024) + " MiB; got " + memoryLimitBytes + " bytes");
        }
    }

    public boolean embedded() {
        return runtime.equals(EMBEDDED);
    }
}
