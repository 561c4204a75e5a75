package io.faasflow.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
