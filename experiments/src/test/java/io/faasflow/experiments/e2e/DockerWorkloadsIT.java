package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.scheduler.runtime.ContainerSpec;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ContainerWorkloadsContract} with every function in a Docker container of the function image
 * ({@code faasflow.runtime=docker}) on the host's network, through a real Docker engine, and soykb as its synthetic
 * workflow. Skipped, with a message, where no engine answers.
 */
@Timeout(600)
class DockerWorkloadsIT extends ContainerWorkloadsContract {
    private static LocalCluster cluster;
    private static IngressClient client;
    private static DockerContainers docker;

    @BeforeAll
    static void start() throws Exception {
        DockerTestEngine.requireEngineAndImage();
        docker = new DockerContainers();
        cluster = startCluster("docker-workloads", "docker", Map.of());
        client = new IngressClient(cluster.ingressUrl(), cluster.apiToken());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
            // A scheduler that stops removes its containers.
            assertEquals(0, docker.withLabel(ContainerSpec.LABEL_OWNER, owners()).size(),
                    "containers left after the cluster stopped");
        }
        if (docker != null) {
            docker.close();
        }
    }

    private static java.util.List<String> owners() {
        return java.util.stream.IntStream.range(0, cluster.nodes())
                .mapToObj(node -> "node-" + node + "@" + cluster.bootstrapServers()).toList();
    }

    @Override
    LocalCluster cluster() {
        return cluster;
    }

    @Override
    IngressClient client() {
        return client;
    }

    @Override
    String syntheticWorkflow() {
        return "soykb";
    }

    /** Containers of this cluster labelled with the workflow, running or exited (removed ones are not counted). */
    @Override
    long containersStartedFor(String workflow) throws IOException {
        return docker.withLabel(ContainerSpec.LABEL_OWNER, owners()).stream()
                .filter(container -> workflow.equals(container.getLabels().get(ContainerSpec.LABEL_WORKFLOW)))
                .count();
    }
}
