package io.faasflow.ingress;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Starts a real single-node KRaft Kafka broker (combined broker and controller) inside the test JVM on free
 * loopback ports, and points the ingress at it with 3 nodes and a topic prefix unique to this start.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    /** Nodes the ingress under test is configured with. */
    public static final int NODES = 3;
    /** The bearer token the ingress under test accepts. */
    public static final String API_TOKEN = "test-token-" + UUID.randomUUID();

    private Path dataDir;
    private KafkaRaftServer server;

    @Override
    public Map<String, String> start() {
        try {
            int brokerPort = freePort();
            int controllerPort = freePort();
            dataDir = Files.createTempDirectory("faasflow-ingress-kafka");
            Properties props = brokerProperties(brokerPort, controllerPort, dataDir.resolve("logs"));
            Path propsFile = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(propsFile)) {
                props.store(out, "in-JVM test broker");
            }
            int formatted = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                    propsFile.toString(), "--standalone"}, System.out);
            if (formatted != 0) {
                throw new IllegalStateException("kafka storage format failed with " + formatted);
            }
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            return Map.of(
                    "faasflow.bootstrap-servers", "127.0.0.1:" + brokerPort,
                    "faasflow.nodes", Integer.toString(NODES),
                    "faasflow.api-token", API_TOKEN,
                    "faasflow.topic-prefix", "it-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests that carry {@link #API_TOKEN}, for {@code RestAssured.requestSpecification}. */
    public static RequestSpecification authenticated() {
        return new RequestSpecBuilder().addHeader("Authorization", "Bearer " + API_TOKEN).build();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temp directory is harmless.
            }
        }
    }

    private static Properties brokerProperties(int brokerPort, int controllerPort, Path logDir) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        return props;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
