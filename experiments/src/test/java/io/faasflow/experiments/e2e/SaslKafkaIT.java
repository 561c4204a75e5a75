package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.ClusterOptions;
import io.faasflow.experiments.cluster.EmbeddedKafkaBroker;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.cluster.SchedulingMode;
import io.faasflow.topology.layout.KafkaClientSecurity;
import io.faasflow.topology.load.BenchmarkWorkflows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two node schedulers and the ingress on a broker whose only client listener is SASL_PLAINTEXT: every client
 * of the engine connects with the {@code faasflow.kafka.*} settings it is given (as FAASFLOW_KAFKA_* variables),
 * and a client without them, or with a wrong password, is refused.
 */
@Timeout(600)
class SaslKafkaIT {
    private static final String USER = "faasflow";
    private static final String PASSWORD = "sasl-" + Long.toHexString(System.nanoTime());
    private static EmbeddedKafkaBroker broker;
    private static LocalCluster cluster;
    private static IngressClient client;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.startWithSasl(Files.createTempDirectory("faasflow-sasl-kafka"),
                Map.of(USER, PASSWORD), USER);
        Path work = Files.createTempDirectory("faasflow-sasl");
        KafkaClientSecurity security = KafkaClientSecurity.from(prefixed(EmbeddedKafkaBroker.saslClient(USER, PASSWORD)),
                Map.of());
        cluster = LocalCluster.start(new ClusterOptions(2, 0, ClusterFixture.projectHome(), work, "sasl.", 0.05, 0.001,
                true, 1000, SchedulingMode.WORKER)
                .withExternalKafka(broker.bootstrapServers())
                .withKafkaSecurity(security));
        client = new IngressClient(cluster.ingressUrl(), cluster.apiToken());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aWorkflowRunsEndToEndOverSasl() throws Exception {
        client.deploy("wordcount", BenchmarkWorkflows.yaml("wordcount"), true);
        JsonNode status = client.awaitFinished(client.invoke("wordcount", "{}"), Duration.ofMinutes(2));
        assertEquals("SUCCEEDED", status.path("status").asText(), status.toString());
    }

    @Test
    void aClientWithoutTheRightCredentialsIsRefused() {
        assertTrue(listsTopics(EmbeddedKafkaBroker.saslClient(USER, PASSWORD)));
        assertThrows(ExecutionException.class, () -> listTopics(EmbeddedKafkaBroker.saslClient(USER, "wrong")));
        assertThrows(Exception.class, () -> listTopics(Map.of()));
    }

    private static boolean listsTopics(Map<String, String> security) {
        try {
            return listTopics(security).stream().anyMatch(name -> name.startsWith("sasl."));
        } catch (Exception e) {
            throw new AssertionError("the right credentials were refused", e);
        }
    }

    private static java.util.Set<String> listTopics(Map<String, String> security) throws Exception {
        Properties props = new Properties();
        props.putAll(security);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(props)) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        }
    }

    private static Map<String, String> prefixed(Map<String, String> kafka) {
        Map<String, String> keys = new HashMap<>();
        kafka.forEach((name, value) -> keys.put(KafkaClientSecurity.PREFIX + name, value));
        return keys;
    }
}
