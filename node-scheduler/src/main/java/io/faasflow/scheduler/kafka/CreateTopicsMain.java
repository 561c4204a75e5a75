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
        KafkaConnection kafka;
        try {
            Properties settings = NodeSchedulerConfig.withEnvironment(System.getProperties(), System.getenv());
            bootstrap = NodeSchedulerConfig.bootstrapServers(settings);
            layout = NodeSchedulerConfig.topicLayout(settings);
            replicationFactor = NodeSchedulerConfig.replicationFactor(settings);
            kafka = new KafkaConnection(bootstrap, NodeSchedulerConfig.kafkaSecurity(settings));
        } catch (IllegalArgumentException e) {
            System.err.println("create topics: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (Admin admin = KafkaClients.admin(kafka)) {
            TopicBootstrap.ensure(admin, layout, replicationFactor);
        } catch (RuntimeException e) {
            System.err.println("create topics: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("TOPICS_READY " + layout.topics().size() + " topics for " + layout.nodes()
                + " nodes, replication factor " + replicationFactor + ", at " + bootstrap);
    }
}
