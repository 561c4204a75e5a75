package io.faasflow.scheduler.kafka;

import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.layout.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates faasflow's topics when missing, and refuses to run on per-node topics whose partition count
 * differs from the node count.
 */
public final class TopicBootstrap {
    private TopicBootstrap() {
    }

    /** Creates the missing topics with one replica each: a single-broker cluster. */
    public static void ensure(Admin admin, TopicLayout layout) {
        ensure(admin, layout, (short) 1);
    }

    /**
     * Creates the missing topics with {@code replicationFactor} replicas each; existing topics are kept as they are.
     *
     * @throws IllegalStateException when Kafka refuses a topic (e.g. fewer brokers than replicas) or a per-node
     *     topic has another partition count than the layout's node count
     */
    public static void ensure(Admin admin, TopicLayout layout, short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec spec : layout.topics()) {
            topics.add(new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(spec.configs()));
        }
        for (NewTopic topic : topics) {
            try {
                admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not answer within 30 s while creating " + topic.name(), e);
            }
        }
        checkPartitions(admin, layout);
    }

    private static void checkPartitions(Admin admin, TopicLayout layout) {
        Set<String> perNode = layout.topics().stream().filter(TopicSpec::perNode).map(TopicSpec::name)
                .collect(java.util.stream.Collectors.toSet());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(perNode).allTopicNames().get(30, TimeUnit.SECONDS);
                for (TopicDescription description : descriptions.values()) {
                    if (description.partitions().size() != layout.nodes()) {
                        throw new IllegalStateException("topic " + description.name() + " has " + description.partitions().size()
                                + " partitions but the cluster is configured for " + layout.nodes()
                                + " nodes (faasflow.nodes, FAASFLOW_NODES); every per-node topic needs exactly one partition per node");
                    }
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while describing topics", e);
            } catch (ExecutionException e) {
                // A topic another process just created may not be in the metadata yet.
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot describe faasflow topics: " + e.getCause(), e);
                }
                sleep();
            } catch (TimeoutException e) {
                throw new IllegalStateException("cannot describe faasflow topics: " + e, e);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topics", e);
        }
    }
}
