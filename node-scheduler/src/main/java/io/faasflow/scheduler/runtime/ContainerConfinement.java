package io.faasflow.scheduler.runtime;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;
import java.util.Map;

/**
 * What a function container may do: user code runs in it, so it gets as little as a function server needs. It
 * runs as an unprivileged user ({@code nobody}) with no Linux capabilities and no way to gain privileges, on a
 * read-only root file system with a small writable {@code /tmp}, within memory (no swap), CPU and process limits.
 */
final class ContainerConfinement {
    /** nobody:nogroup; the image's files are readable by all. */
    static final String USER = "65534:65534";
    /**
     * The only writable place: the server's java.io.tmpdir and scratch space for functions (tesseract's pages).
     * What it holds counts against the container's memory limit, like the heap; 64 MiB at most.
     */
    static final Map<String, String> TMPFS = Map.of("/tmp", "rw,nosuid,nodev,size=64m,mode=1777");

    private ContainerConfinement() {
    }

    static HostConfig apply(HostConfig host, DockerSettings settings, long memoryLimitBytes) {
        return host.withMemory(memoryLimitBytes)
                .withMemorySwap(memoryLimitBytes)
                .withNanoCPUs(Math.round(settings.cpus() * 1_000_000_000L))
                .withPidsLimit((long) settings.pidsLimit())
                .withReadonlyRootfs(true)
                .withTmpFs(TMPFS)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withPrivileged(false);
    }
}
