package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.scheduler.kafka.KafkaClients;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.load.BenchmarkWorkflows;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code DELETE /workflows/{name}} on a running 3-node cluster: an invocation already running finishes, new ones
 * get 404 from the ingress and a FAILED result when produced straight to Kafka, the capacity is free again, and
 * a new deployment of the name serves again.
 */
@Timeout(300)
class WorkflowDeletionIT {
    private static final Duration WAIT = Duration.ofMinutes(2);
    // 96 scale units per node and 3 nodes: a workflow of 3 functions of 90 units fills the cluster.
    private static final String FILLER = """
            functions:
            - name: a
              source: synthetic
              scale: 90
              runtime: 0.01
            - name: b
              source: synthetic
              scale: 90
              runtime: 0.01
            - name: c
              source: synthetic
              scale: 90
              runtime: 0.01
            """;
    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension("deletion", 3, 0.2, 120);
    private static LocalCluster cluster;
    private static IngressClient client;

    @BeforeAll
    static void connect() {
        cluster = CLUSTER.cluster();
        client = CLUSTER.client();
    }

    @Test
    void aDeletedWorkflowFinishesWhatRunsRefusesWhatComesAndFreesItsCapacity() throws Exception {
        client.deploy("genome", BenchmarkWorkflows.yaml("genome"), true);
        String running = client.invoke("genome", "{}");
        assertEquals("RUNNING", client.status(running).path("status").asText(), "the invocation is still running");

        JsonNode deletion = client.deleteWorkflow("genome");
        assertEquals("genome", deletion.path("workflow").asText());
        assertEquals(2, deletion.path("version").asLong(), "the deletion takes the version after the deployment");

        JsonNode finished = client.awaitFinished(running, WAIT);
        assertEquals("SUCCEEDED", finished.path("status").asText(), "a running invocation finishes: " + finished);

        IngressClient.IngressException refused = assertThrows(IngressClient.IngressException.class,
                () -> client.invoke("genome", "{}"));
        assertEquals(404, refused.status(), refused.body());
        assertEquals(404, assertThrows(IngressClient.IngressException.class, () -> client.deleteWorkflow("genome")).status());
        assertTrue(client.listWorkflows().path("workflows").findValues("workflow").stream()
                .noneMatch(name -> name.asText().equals("genome")), "GET /workflows no longer lists it");

        // A record produced straight to Kafka, as any producer may: the node answers it FAILED, naming the deletion.
        TopicLayout layout = new TopicLayout(cluster.topicPrefix(), cluster.nodes());
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(cluster.bootstrapServers(), "deleted-invoker")) {
            producer.send(new ProducerRecord<>(layout.invocations(), 0, "after-delete",
                    "{\"id\":\"after-delete\",\"workflow\":\"genome\",\"input\":{}}".getBytes(StandardCharsets.UTF_8))).get();
        }
        JsonNode late = client.awaitFinished("after-delete", WAIT);
        assertEquals("FAILED", late.path("status").asText(), late.toString());
        assertTrue(late.toString().contains("workflow 'genome' was deleted"), late.toString());

        // Its capacity is released: a workflow that fills every node deploys without over-committing one.
        JsonNode filler = client.deploy("filler", FILLER, true);
        assertTrue(filler.path("plan").path("partition").path("overcommitted").isEmpty(), filler.toString());

        client.deploy("genome", BenchmarkWorkflows.yaml("genome"), true);
        String again = client.invoke("genome", "{}");
        assertEquals("SUCCEEDED", client.awaitFinished(again, WAIT).path("status").asText(), "deployed again, it serves");
    }
}
