package io.faasflow.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.faasflow.scheduler.runtime.ContainerSettings;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class NodeSchedulerConfigTest {

    private static Properties valid() {
        Properties properties = new Properties();
        properties.setProperty(NodeSchedulerConfig.NODE_CONFIG, "1");
        properties.setProperty(NodeSchedulerConfig.NODES_CONFIG, "3");
        properties.setProperty(NodeSchedulerConfig.BOOTSTRAP_CONFIG, "127.0.0.1:9092");
        properties.setProperty(NodeSchedulerConfig.REDIS_CONFIG, "redis://127.0.0.1:6379");
        properties.setProperty(NodeSchedulerConfig.COUCHDB_CONFIG, "http://127.0.0.1:5984");
        return properties;
    }

    @Test
    void shouldReadDefaultsWhenOptionalKeysAreAbsent() {
        NodeSchedulerConfig config = NodeSchedulerConfig.from(valid());
        assertEquals(1, config.node());
        assertEquals("", config.topicPrefix());
        assertEquals(1.0, config.scale().runtime());
        assertEquals("faasflow-data", config.storage().database());
    }

    @Test
    void shouldTakeKeysMissingFromSystemPropertiesFromTheEnvironment() {
        Properties system = valid();
        system.remove(NodeSchedulerConfig.NODE_CONFIG);
        system.setProperty(NodeSchedulerConfig.DOCKER_IMAGE_CONFIG, "from/system:1");
        NodeSchedulerConfig config = NodeSchedulerConfig.from(NodeSchedulerConfig.withEnvironment(system, java.util.Map.of(
                "FAASFLOW_NODE", "2",
                "FAASFLOW_DOCKER_IMAGE", "from/environment:1",
                "FAASFLOW_DOCKER_NETWORK", "faasflow",
                "FAASFLOW_TOPIC_REPLICATION_FACTOR", "3",
                "FAASFLOW_READY_FILE", "/tmp/ready")));
        assertEquals(2, config.node());
        assertEquals("from/system:1", config.containers().docker().image());
        assertEquals("faasflow", config.containers().docker().network());
        assertEquals(3, config.topicReplicationFactor());
        assertEquals(Path.of("/tmp/ready"), config.readyFile());
        assertEquals("FAASFLOW_DATA_KEEP_SECONDS", NodeSchedulerConfig.environmentName(NodeSchedulerConfig.KEEP_DATA_CONFIG));
    }

    @Test
    void shouldRefuseAReplicationFactorBelowOne() {
        Properties properties = valid();
        properties.setProperty(NodeSchedulerConfig.TOPIC_REPLICATION_CONFIG, "0");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> NodeSchedulerConfig.from(properties));
        assertTrue(error.getMessage().contains(NodeSchedulerConfig.TOPIC_REPLICATION_CONFIG), error.getMessage());
    }

    @Test
    void shouldPickContainersByDefaultAndReadTheirSettings() {
        ContainerSettings defaults = NodeSchedulerConfig.from(valid()).containers();
        assertEquals("auto", defaults.runtime());
        assertEquals(256L * 1024 * 1024, defaults.memoryLimitBytes());
        assertEquals("node-1@127.0.0.1:9092", defaults.ownerId());
        assertTrue(defaults.prewarm().isEmpty());
        assertEquals(0, NodeSchedulerConfig.from(valid()).keepData().toSeconds());

        Properties properties = valid();
        properties.setProperty(NodeSchedulerConfig.RUNTIME_CONFIG, "Docker");
        properties.setProperty(NodeSchedulerConfig.CONTAINER_MEMORY_CONFIG, "512");
        properties.setProperty(NodeSchedulerConfig.PREWARM_CONFIG, "video/split=2, wordcount/count=4");
        properties.setProperty(NodeSchedulerConfig.DOCKER_IMAGE_CONFIG, "registry.example/functions:1");
        properties.setProperty(NodeSchedulerConfig.KEEP_DATA_CONFIG, "30");
        NodeSchedulerConfig config = NodeSchedulerConfig.from(properties);
        assertEquals("docker", config.containers().runtime());
        assertEquals(512L * 1024 * 1024, config.containers().memoryLimitBytes());
        assertEquals(2, config.containers().prewarm().of("video", "split"));
        assertEquals(4, config.containers().prewarm().of("wordcount", "count"));
        assertEquals(0, config.containers().prewarm().of("video", "merge"));
        assertEquals("registry.example/functions:1", config.containers().docker().image());
        assertEquals(30, config.keepData().toSeconds());
    }

    @Test
    void shouldNameTheContainerSettingAtFault() {
        Properties prewarm = valid();
        prewarm.setProperty(NodeSchedulerConfig.PREWARM_CONFIG, "video/split=0");
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> NodeSchedulerConfig.from(prewarm));
        assertTrue(zero.getMessage().contains("faasflow.pool.prewarm: pre-warm entry 'video/split=0'"), zero.getMessage());
        prewarm.setProperty(NodeSchedulerConfig.PREWARM_CONFIG, "split=2");
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> NodeSchedulerConfig.from(prewarm));
        assertTrue(shape.getMessage().contains("is not workflow/function=count"), shape.getMessage());
        Properties memory = valid();
        memory.setProperty(NodeSchedulerConfig.CONTAINER_MEMORY_CONFIG, "16");
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> NodeSchedulerConfig.from(memory));
        assertTrue(small.getMessage().contains("faasflow.container.memory-mb"), small.getMessage());
        Properties runtime = valid();
        runtime.setProperty(NodeSchedulerConfig.RUNTIME_CONFIG, "podman");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> NodeSchedulerConfig.from(runtime));
        assertTrue(unknown.getMessage().contains("faasflow.runtime must be auto, docker, process or embedded"),
                unknown.getMessage());
    }

    @Test
    void shouldNameTheMissingKey() {
        Properties properties = valid();
        properties.remove(NodeSchedulerConfig.REDIS_CONFIG);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> NodeSchedulerConfig.from(properties));
        assertTrue(error.getMessage().contains("faasflow.redis-uri"), error.getMessage());
    }

    @Test
    void shouldNameBothKeysWhenNodeIsOutsideTheCluster() {
        Properties properties = valid();
        properties.setProperty(NodeSchedulerConfig.NODE_CONFIG, "3");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> NodeSchedulerConfig.from(properties));
        assertTrue(error.getMessage().contains("faasflow.node=3") && error.getMessage().contains("faasflow.nodes=3"),
                error.getMessage());
    }

    @Test
    void shouldRejectAMalformedNumber() {
        Properties properties = valid();
        properties.setProperty(NodeSchedulerConfig.SIZE_SCALE_CONFIG, "tiny");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> NodeSchedulerConfig.from(properties));
        assertTrue(error.getMessage().contains("faasflow.synthetic.size-scale"), error.getMessage());
    }

    @Test
    void shouldDocumentEveryKeyInTheConfigurationPage() throws IOException {
        String home = System.getProperty("maven.multiModuleProjectDirectory", "..");
        String page = Files.readString(Path.of(home, "docs", "configuration.md"));
        NodeSchedulerConfig.documentation().forEach((key, doc) -> {
            assertTrue(page.contains("`" + key + "`"), "docs/configuration.md lacks " + key);
            assertTrue(page.contains(doc), "docs/configuration.md has another text for " + key + ": " + doc);
        });
    }

    @Test
    void shouldPassKafkaConnectionSettingsFromPropertiesAndTheEnvironmentToEveryClient() {
        Properties system = valid();
        system.setProperty("faasflow.kafka.security.protocol", "SASL_PLAINTEXT");
        NodeSchedulerConfig config = NodeSchedulerConfig.from(NodeSchedulerConfig.withEnvironment(system, java.util.Map.of(
                "FAASFLOW_KAFKA_SASL_MECHANISM", "PLAIN")));
        assertEquals(java.util.Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN"),
                config.kafka().security().properties());
        assertEquals(java.util.Map.of(), NodeSchedulerConfig.from(valid()).kafka().security().properties());
    }

    @Test
    void shouldRefuseAKafkaSettingThatIsNotAboutTheConnection() {
        Properties properties = valid();
        properties.setProperty("faasflow.kafka.enable.auto.commit", "true");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> NodeSchedulerConfig.from(properties));
        assertTrue(error.getMessage().startsWith("faasflow.kafka.enable.auto.commit: only Kafka connection settings"),
                error.getMessage());
    }

    @Test
    void shouldNotHandTheSchedulersCouchDbCredentialsToFunctionCode() {
        Properties properties = valid();
        properties.setProperty(NodeSchedulerConfig.COUCHDB_CONFIG, "http://admin:secret@127.0.0.1:5984");
        properties.setProperty(NodeSchedulerConfig.RUNTIME_CONFIG, "docker");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> NodeSchedulerConfig.from(properties));
        assertTrue(error.getMessage().contains("set faasflow.function-couchdb-url (environment FAASFLOW_FUNCTION_COUCHDB_URL)"),
                error.getMessage());
        assertTrue(!error.getMessage().contains("secret"), "the password is not shown: " + error.getMessage());

        properties.setProperty(NodeSchedulerConfig.RUNTIME_CONFIG, "embedded");
        assertEquals(null, NodeSchedulerConfig.from(properties).containers().functionCouchUrl(),
                "embedded functions run in the scheduler, with its store");

        properties.setProperty(NodeSchedulerConfig.RUNTIME_CONFIG, "process");
        properties.setProperty(NodeSchedulerConfig.FUNCTION_COUCHDB_CONFIG, "http://fn:other@127.0.0.1:5984");
        assertEquals("http://fn:other@127.0.0.1:5984", NodeSchedulerConfig.from(properties).containers().functionCouchUrl());
    }

    @Test
    void shouldRefuseAFunctionCouchDbUrlWithoutCredentials() {
        Properties properties = valid();
        properties.setProperty(NodeSchedulerConfig.FUNCTION_COUCHDB_CONFIG, "http://127.0.0.1:5984");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> NodeSchedulerConfig.from(properties));
        assertTrue(error.getMessage().startsWith("faasflow.function-couchdb-url must carry the user and password"),
                error.getMessage());
    }
}
