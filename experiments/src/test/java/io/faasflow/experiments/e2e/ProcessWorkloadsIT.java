package io.faasflow.experiments.e2e;

import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ContainerWorkloadsContract} with every function in a function server child process
 * ({@code faasflow.runtime=process}), and epigenomics as its synthetic workflow.
 */
@Timeout(600)
class ProcessWorkloadsIT extends ContainerWorkloadsContract {
    private static LocalCluster cluster;
    private static IngressClient client;

    @BeforeAll
    static void start() throws IOException {
        cluster = startCluster("process-workloads", "process", Map.of());
        client = new IngressClient(cluster.ingressUrl(), cluster.apiToken());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
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
        return "epigenomics";
    }

    /** Each process container writes a log file named after its node, workflow, version and function. */
    @Override
    long containersStartedFor(String workflow) throws IOException {
        Path logs = cluster.workDir().resolve("containers");
        if (!Files.isDirectory(logs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(file -> file.getFileName().toString().matches("node\\d+-" + workflow + "-v\\d+-.*\\.log")).count();
        }
    }
}
