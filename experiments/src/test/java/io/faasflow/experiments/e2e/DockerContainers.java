package io.faasflow.experiments.e2e;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.faasflow.scheduler.runtime.DockerSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the tests see of the Docker engine: containers by label, and killing one as a crash would. */
final class DockerContainers implements AutoCloseable {
    private final DockerClient docker;

    DockerContainers() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(DockerSettings.defaults().host()).build();
        docker = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).build());
    }

    /** Containers, running or not, whose label {@code key} has one of {@code values}. */
    List<Container> withLabel(String key, List<String> values) {
        List<Container> found = new ArrayList<>();
        for (String value : values) {
            found.addAll(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(key, value)).exec());
        }
        return found;
    }

    /** Running containers whose label {@code key} has one of {@code values}. */
    List<Container> runningWithLabel(String key, List<String> values) {
        return withLabel(key, values).stream().filter(container -> "running".equals(container.getState())).toList();
    }

    /** What a container wrote to its standard output and error so far. */
    String logs(String id) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                text.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }).awaitCompletion(10, java.util.concurrent.TimeUnit.SECONDS);
        return text.toString();
    }

    /** The memory limit of a container, in bytes. */
    long memoryLimit(String id) {
        return docker.inspectContainerCmd(id).exec().getHostConfig().getMemory();
    }

    /** What the engine says a container was created with: its configuration and host configuration. */
    com.github.dockerjava.api.command.InspectContainerResponse inspect(String id) {
        return docker.inspectContainerCmd(id).exec();
    }

    /** SIGKILLs a container's processes, as an out-of-memory kill or a crash would. */
    void kill(String id) {
        docker.killContainerCmd(id).exec();
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException ignored) {
            // the test is over
        }
    }
}
