package io.faasflow.ingress.kafka;

import io.faasflow.ingress.StartupException;
import io.faasflow.ingress.config.IngressSettings;
import io.faasflow.topology.layout.TopicSpec;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates faasflow's topics when missing and checks that existing per-node topics have one partition per node.
 * Per-node topics (invocations, function events, scheduler state, results) get {@code nodes} partitions; the
 * definitions, function catalog and dead-letter topics one. Scheduler state, definitions and catalog are compacted.
 * Every topic takes records up to {@code RecordLimits.MAX_RECORD_BYTES}. Replication factor
 * {@code faasflow.topic-replication-factor}.
 */
@Singleton
public class TopicInitializer {
    /** How long startup waits for Kafka before giving up. */
    public static final long STARTUP_TIMEOUT_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

    private final IngressSettings settings;
    private final Admin admin;

    @Inject
    public TopicInitializer(IngressSettings settings, KafkaClients clients) {
        this.settings = settings;
        this.admin = clients.admin();
    }

    /** Throws {@link StartupException} when Kafka does not answer in time or a topic does not fit. */
    public void ensureTopics() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_TIMEOUT_SECONDS);
        await(admin.describeCluster().clusterId(), deadline, "reach Kafka");
        List<NewTopic> wanted = settings.layout().topics().stream()
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), settings.topicReplicationFactor()).configs(spec.configs()))
                .toList();
        Map<String, KafkaFuture<Void>> created = admin.createTopics(wanted).values();
        for (Map.Entry<String, KafkaFuture<Void>> entry : created.entrySet()) {
            try {
                await(entry.getValue(), deadline, "create topic " + entry.getKey());
                LOG.infof("created topic %s", entry.getKey());
            } catch (StartupException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        checkPartitions(deadline);
    }

    private List<String> perNodeTopics() {
        return settings.layout().topics().stream().filter(TopicSpec::perNode).map(TopicSpec::name).toList();
    }

    private void checkPartitions(long deadline) {
        Map<String, TopicDescription> described = await(admin.describeTopics(perNodeTopics()).allTopicNames(),
                deadline, "describe topics");
        for (TopicDescription description : described.values()) {
            int partitions = description.partitions().size();
            if (partitions != settings.nodes()) {
                throw new StartupException("topic " + description.name() + " has " + partitions
                        + " partitions but faasflow.nodes=" + settings.nodes()
                        + "; every per-node topic needs one partition per node (delete it or fix faasflow.nodes)");
            }
        }
    }

    private <T> T await(KafkaFuture<T> future, long deadline, String what) {
        long remaining = Math.max(0, deadline - System.nanoTime());
        try {
            return future.get(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while trying to " + what, e);
        } catch (ExecutionException e) {
            throw new StartupException("cannot " + what + " at " + settings.bootstrapServers() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StartupException("cannot " + what + ": Kafka at " + settings.bootstrapServers()
                    + " did not answer within " + STARTUP_TIMEOUT_SECONDS + " s", e);
        }
    }
}
