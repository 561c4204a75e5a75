package io.faasflow.scheduler.runtime;

import java.net.http.HttpClient;

/**
 * A function server in a Docker container, reached over HTTP: on loopback when the container shares the host's
 * network, else at its address on the network it was attached to.
 */
final class DockerContainer extends ServerContainer {
    private final DockerRuntime runtime;
    private final DockerOutput output;

    DockerContainer(String id, String address, int port, HttpClient http, DockerRuntime runtime, DockerOutput output) {
        super(id, address, port, http);
        this.runtime = runtime;
        this.output = output;
    }

    @Override
    boolean running() {
        return !runtime.died(id());
    }

    @Override
    void stop() {
        output.stop();
        runtime.remove(id());
    }

    String logTail() {
        return output.logTail();
    }

    @Override
    String describe() {
        return "docker container " + DockerRuntime.shortId(id()) + (runtime.died(id()) ? " (exited)" : "");
    }
}
