package io.faasflow.scheduler.runtime;

import java.util.Objects;

/**
 * How the docker runtime reaches its engine and what it runs.
 *
 * @param host the engine's address, e.g. {@code unix:///var/run/docker.sock} or {@code tcp://10.0.0.5:2375}
 * @param image the function server image (built by {@code compose/build-function-image.sh})
 * @param network the network of function containers: {@code faasflow-functions} (the default, a bridge created
 *     when missing; stores on loopback are relayed from its gateway), the name of another Docker network (the
 *     compose cluster's, where stores are reached by their service names), or {@code host} to share the host's
 *     network; off the host's network the server listens on all of the container's addresses and is reached at
 *     its address there
 * @param cpus CPUs one function container may use ({@code --cpus}); positive
 * @param pidsLimit processes and threads one function container may have ({@code --pids-limit}); at least 16
 */
public record DockerSettings(String host, String image, String network, double cpus, int pidsLimit) {
    public static final double DEFAULT_CPUS = 1.0;
    public static final int DEFAULT_PIDS_LIMIT = 256;
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    public static final String DEFAULT_IMAGE_NAME = "faasflow/functions";
    /** The default network of function containers: a bridge of their own, created when missing. */
    public static final String DEFAULT_NETWORK = "faasflow-functions";
    /** The host's network: containers share the scheduler's addresses (no isolation). */
    public static final String HOST_NETWORK = "host";

    public DockerSettings {
        requireText(host, "docker host");
        requireText(image, "docker image");
        requireText(network, "docker network");
        if (!(cpus > 0) || Double.isInfinite(cpus)) {
            throw new IllegalArgumentException("container CPUs must be positive; got " + cpus);
        }
        if (pidsLimit < 16) {
            throw new IllegalArgumentException("container pids limit must be at least 16 (a JVM needs its threads); got "
                    + pidsLimit);
        }
    }

    /** The engine named by {@code DOCKER_HOST}, else the local socket; the image of this faasflow version. */
    public static DockerSettings defaults() {
        String fromEnvironment = System.getenv("DOCKER_HOST");
        String host = fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_HOST : fromEnvironment;
        return new DockerSettings(host, DEFAULT_IMAGE_NAME + ":" + FaasflowVersion.current(), DEFAULT_NETWORK,
                DEFAULT_CPUS, DEFAULT_PIDS_LIMIT);
    }

    public DockerSettings withHost(String newHost) {
        return new DockerSettings(newHost, image, network, cpus, pidsLimit);
    }

    public DockerSettings withImage(String newImage) {
        return new DockerSettings(host, newImage, network, cpus, pidsLimit);
    }

    public DockerSettings withNetwork(String newNetwork) {
        return new DockerSettings(host, image, newNetwork, cpus, pidsLimit);
    }

    public DockerSettings withLimits(double newCpus, int newPidsLimit) {
        return new DockerSettings(host, image, network, newCpus, newPidsLimit);
    }

    /** Whether function containers share the host's network (and the scheduler reaches them on loopback). */
    public boolean hostNetwork() {
        return HOST_NETWORK.equals(network);
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
