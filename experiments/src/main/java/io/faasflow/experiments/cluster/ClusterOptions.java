package io.faasflow.experiments.cluster;

import io.faasflow.topology.layout.KafkaClientSecurity;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a {@link LocalCluster}.
 *
 * @param nodes worker nodes (one scheduler process and one Redis each)
 * @param httpPort the ingress port; 0 picks a free one
 * @param projectHome the repository root (finds the ingress build and the CouchDB stand-in)
 * @param workDir where logs and broker data go
 * @param topicPrefix prefix of every topic name
 * @param runtimeScale multiplier of the synthetic function's declared runtimes
 * @param sizeScale multiplier of the synthetic function's declared sizes
 * @param withIngress whether to start the HTTP ingress
 * @param scaleLimit containers per node that the partitioner shares among deployed workflows
 * @param scheduling how the node schedulers decide what runs next
 * @param schedulerProperties further {@code faasflow.*} settings of every node scheduler (e.g. its runtime)
 * @param storeNetwork the network namespace the CouchDB-compatible server runs in, for a bandwidth cap on the
 *     wire; null for loopback
 * @param externalKafka bootstrap servers of a Kafka the cluster uses instead of starting a broker in this JVM;
 *     null to start one
 * @param supervised whether a process of the cluster that dies is started again ({@link Supervisor})
 * @param kafkaDir where a broker in a process of its own keeps its data across restarts (of itself and of the
 *     cluster); null for a broker in this JVM whose data goes with it
 * @param apiToken the bearer token the ingress accepts; null to generate one ({@link LocalCluster#apiToken()})
 * @param kafkaSecurity how every client of the cluster connects to an external Kafka (SASL, TLS); none for
 *     plaintext
 * @param brokers Kafka brokers of a supervised cluster, each a process of its own (1, or 3 for a quorum whose
 *     topics have 3 replicas, 2 in sync)
 */
public record ClusterOptions(int nodes, int httpPort, Path projectHome, Path workDir, String topicPrefix,
        double runtimeScale, double sizeScale, boolean withIngress, int scaleLimit, SchedulingMode scheduling,
        Map<String, String> schedulerProperties, ShapedStoreNetwork storeNetwork, String externalKafka,
        boolean supervised, Path kafkaDir, String apiToken, KafkaClientSecurity kafkaSecurity, int brokers) {

    public ClusterOptions(int nodes, int httpPort, Path projectHome, Path workDir, String topicPrefix,
            double runtimeScale, double sizeScale, boolean withIngress, int scaleLimit, SchedulingMode scheduling) {
        this(nodes, httpPort, projectHome, workDir, topicPrefix, runtimeScale, sizeScale, withIngress, scaleLimit,
                scheduling, Map.of(), null, null, false, null, null, KafkaClientSecurity.none(), 1);
    }

    /** The ingress accepts {@code token} (at least 16 characters) instead of one the cluster generates. */
    public ClusterOptions withApiToken(String token) {
        return new ClusterOptions(nodes, httpPort, projectHome, workDir, topicPrefix, runtimeScale, sizeScale,
                withIngress, scaleLimit, scheduling, schedulerProperties, storeNetwork, externalKafka, supervised, kafkaDir,
                token, kafkaSecurity, brokers);
    }

    /**
     * A Kafka of {@code count} brokers (supervised clusters only): each topic then has {@code count} replicas and
     * at least 2 of them in sync, so one broker may die without the cluster noticing.
     */
    public ClusterOptions withBrokers(int count) {
        return new ClusterOptions(nodes, httpPort, projectHome, workDir, topicPrefix, runtimeScale, sizeScale,
                withIngress, scaleLimit, scheduling, schedulerProperties, storeNetwork, externalKafka, supervised, kafkaDir,
                apiToken, kafkaSecurity, count);
    }

    /** Every scheduler and the ingress connect to the external Kafka with {@code security}. */
    public ClusterOptions withKafkaSecurity(KafkaClientSecurity security) {
        return new ClusterOptions(nodes, httpPort, projectHome, workDir, topicPrefix, runtimeScale, sizeScale,
                withIngress, scaleLimit, scheduling, schedulerProperties, storeNetwork, externalKafka, supervised, kafkaDir,
                apiToken, security, brokers);
    }

    public ClusterOptions withSchedulerProperties(Map<String, String> properties) {
        return new ClusterOptions(nodes, httpPort, projectHome, workDir, topicPrefix, runtimeScale, sizeScale,
                withIngress, scaleLimit, scheduling, properties, storeNetwork, externalKafka, supervised, kafkaDir,
                apiToken, kafkaSecurity, brokers);
    }

    public ClusterOptions withStoreNetwork(ShapedStoreNetwork network) {
        return new ClusterOptions(nodes, httpPort, projectHome, workDir, topicPrefix, runtimeScale, sizeScale,
                withIngress, scaleLimit, scheduling, schedulerProperties, network, externalKafka, supervised, kafkaDir,
                apiToken, kafkaSecurity, brokers);
    }

    /**
     * Supervises every process, with the broker in a process of its own that keeps its data in {@code kafkaDir}
     * (what {@code ./faasflow up} and the fault-injection run use).
     */
    public ClusterOptions withSupervision(Path brokerDir) {
        return new ClusterOptions(nodes, httpPort, projectHome, workDir, topicPrefix, runtimeScale, sizeScale,
                withIngress, scaleLimit, scheduling, schedulerProperties, storeNetwork, externalKafka, true, brokerDir,
                apiToken, kafkaSecurity, brokers);
    }

    /**
     * Runs the cluster on the Kafka at {@code bootstrapServers} (a Kafka container, another cluster's broker)
     * instead of starting a broker in this JVM; its topics are created if missing.
     */
    public ClusterOptions withExternalKafka(String bootstrapServers) {
        return new ClusterOptions(nodes, httpPort, projectHome, workDir, topicPrefix, runtimeScale, sizeScale,
                withIngress, scaleLimit, scheduling, schedulerProperties, storeNetwork, bootstrapServers, supervised, kafkaDir,
                apiToken, kafkaSecurity, brokers);
    }

    /** FaaSFlow's default {@code scale_limit}: 120 containers per node. */
    public static final int DEFAULT_SCALE_LIMIT = 120;

    public ClusterOptions {
        if (nodes < 1) {
            throw new IllegalArgumentException("--nodes must be at least 1; got " + nodes);
        }
        Objects.requireNonNull(scheduling, "scheduling");
        schedulerProperties = Map.copyOf(schedulerProperties);
        Objects.requireNonNull(kafkaSecurity, "kafkaSecurity");
        if (brokers != 1 && (brokers < 3 || kafkaDir == null)) {
            throw new IllegalArgumentException("--brokers must be 1, or 3 or more on a supervised cluster; got " + brokers);
        }
    }
}
