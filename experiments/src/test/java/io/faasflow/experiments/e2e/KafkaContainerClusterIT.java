package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.ClusterOptions;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.cluster.SchedulingMode;
import io.faasflow.scheduler.NodeSchedulerConfig;
import io.faasflow.scheduler.kafka.KafkaClients;
import io.faasflow.storage.containers.RequiresDockerEngine;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.layout.TopicSpec;
import io.faasflow.topology.load.BenchmarkWorkflows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Three node schedulers and the ingress (local processes, functions embedded) on a Kafka container started by
 * Testcontainers' Kafka module: apache/kafka, or its local stand-in with {@code FAASFLOW_LOCAL_IMAGES=1}.
 */
@RequiresDockerEngine
@Timeout(600)
class KafkaContainerClusterIT {
    static final DockerImageName KAFKA = DockerImageName.parse("apache/kafka:4.4.0");
    private static KafkaContainer kafka;
    private static LocalCluster cluster;
    private static IngressClient client;
    private static TopicLayout layout;

    @BeforeAll
    static void start() throws Exception {
        kafka = new KafkaContainer(KAFKA);
        kafka.start();
        Path work = Files.createTempDirectory("faasflow-kafka-container");
        String prefix = "kafka-container-" + Long.toHexString(System.nanoTime()) + ".";
        layout = new TopicLayout(prefix, 3);
        cluster = LocalCluster.start(new ClusterOptions(3, 0, ClusterFixture.projectHome(), work, prefix, 0.05, 0.001,
                true, 1000, SchedulingMode.WORKER)
                .withExternalKafka(kafka.getBootstrapServers())
                .withSchedulerProperties(Map.of(NodeSchedulerConfig.KEEP_DATA_CONFIG, "600")));
        client = new IngressClient(cluster.ingressUrl(), cluster.apiToken());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void schedulersCreateOnePartitionPerNodeOnTheContainer() throws Exception {
        try (Admin admin = KafkaClients.admin(kafka.getBootstrapServers())) {
            for (TopicSpec spec : layout.topics()) {
                TopicDescription topic = admin.describeTopics(java.util.List.of(spec.name())).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(spec.name());
                assertEquals(spec.partitions(), topic.partitions().size(), spec.name());
            }
        }
    }

    @Test
    void wordcountRunsThroughTheIngressAndTheContainer() throws Exception {
        client.deploy("wordcount", BenchmarkWorkflows.yaml("wordcount"), false, null, BenchmarkWorkflows.info("wordcount").maxContainers());
        JsonNode status = client.awaitFinished(client.invoke("wordcount", WorkloadChecks.WORDCOUNT_INPUT), Duration.ofMinutes(4));
        assertEquals("SUCCEEDED", status.path("status").asText(), status.toString());
        try (StoredOutputs outputs = new StoredOutputs(cluster)) {
            WorkloadChecks.wordcount(status, outputs);
        }
    }
}
