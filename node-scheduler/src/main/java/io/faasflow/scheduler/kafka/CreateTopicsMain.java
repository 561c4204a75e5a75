package io.faasflow.scheduler.kafka;

import io.faasflow.scheduler.NodeSchedulerConfig;
import io.faasflow.topology.layout.TopicLayout;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;

/**
 * Creates faasflow's topics and exits: the one-shot {@code topics} service of the compose cluster, which runs before
 * the schedulers and the ingress. Reads {@code faasflow.bootstrap-servers}, {@code faasflow.nodes},
 * {@code faasflow.topic-prefix} and {@code faasflow.topic-replication-factor} as the scheduler does (system
 * properties, else environment variables); exits 2 on a bad setting and 1 when Kafka refuses.
 */
public final class CreateTopicsMain {
    private CreateTopicsMain() {
    }

    public static void main(String[] args) {
        TopicLayout layout;
        short replicationFactor;
        String bootstrap;
        try {
            Properties settings = NodeSchedulerConfig.withEnvironment(System.getProperties(), System.getenv());
            bootstrap = required(settings, NodeSchedulerConfig.BOOTSTRAP_CONFIG);
            layout = new TopicLayout(settings.getProperty(NodeSchedulerConfig.TOPIC_PREFIX_CONFIG, ""),
                    atLeastOne(NodeSchedulerConfig.NODES_CONFIG, required(settings, NodeSchedulerConfig.NODES_CONFIG)));
            replicationFactor = (short) atLeastOne(NodeSchedulerConfig.TOPIC_REPLICATION_CONFIG,
                    settings.getProperty(NodeSchedulerConfig.TOPIC_REPLICATION_CONFIG, "1"));
        } catch (IllegalArgumentException e) {
            System.err.println("create topics: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (Admin admin = KafkaClients.admin(bootstrap)) {
            TopicBootstrap.ensure(admin, layout, replicationFactor);
        } catch (RuntimeException e) {
            System.err.println("create topics: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("TOPICS_READY " + layout.topics().size() + " topics for " + layout.nodes()
                + " nodes, replication factor " + replicationFactor + ", at " + bootstrap);
    }

    private static int atLeastOne(String key, String value) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1 && number <= Short.MAX_VALUE) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number of at least 1; got '" + value + "'");
    }

    private static String required(Properties settings, String key) {
        String value = settings.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing setting " + key + " (environment " + NodeSchedulerConfig.environmentName(key) + ")");
        }
        return value.trim();
    }
}
