package io.faasflow.ingress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the ingress, read from {@code application.properties}, system properties ({@code -Dfaasflow.nodes=3})
 * or environment variables under the prefix {@code faasflow}. Missing required keys fail startup with a message
 * naming the key. Ranges are checked by {@link IngressSettings}.
 */
@ConfigMapping(prefix = "faasflow")
public interface IngressConfig {

    /** {@code faasflow.bootstrap-servers}: Kafka bootstrap servers, e.g. {@code 127.0.0.1:9092}. Required. */
    String bootstrapServers();

    /** {@code faasflow.nodes}: number of worker nodes, which is the partition count of every per-node topic. Required, at least 1. */
    int nodes();

    /**
     * {@code faasflow.api-token} (usually {@code FAASFLOW_API_TOKEN}): the bearer tokens the HTTP API accepts,
     * comma-separated. Required: the ingress does not start without one.
     */
    Optional<List<String>> apiToken();

    /**
     * {@code faasflow.kafka.*}: Kafka connection settings by their Kafka names ({@code security.protocol},
     * {@code sasl.*}, {@code ssl.*}), checked by {@code KafkaClientSecurity}; empty for plaintext.
     */
    Map<String, String> kafka();

    /** {@code faasflow.topic-prefix}: prepended to every topic name; absent or empty in production, unique per test. */
    Optional<String> topicPrefix();

    /** {@code faasflow.topic-replication-factor}: replicas of each topic the ingress creates when missing; at most the brokers. */
    @WithDefault("1")
    short topicReplicationFactor();

    /** {@code faasflow.results-cache-size}: invocation results (and pending submissions) kept in memory, LRU. */
    @WithDefault("100000")
    int resultsCacheSize();

    /**
     * {@code faasflow.scale-limit}: containers one node may host, FaaSFlow's {@code scale_limit}; the grouping
     * partitioner fills 0.8 of it, shared by every deployed workflow.
     */
    @WithDefault("120")
    int scaleLimit();

    /**
     * {@code faasflow.admission}: {@code overcommit} (a workflow larger than what is left deploys and its plan
     * names each over-committed node, as the original) or {@code strict} (it is refused with 409); a deploy's
     * {@code admission} query parameter overrides it.
     */
    @WithDefault("overcommit")
    String admission();

    /**
     * {@code faasflow.invocation-timeout-seconds}: the node schedulers' invocation time-out; set it as theirs. An
     * invocation without a result a minute past it is answered TIMED_OUT (its home node is down).
     */
    @WithDefault("900")
    int invocationTimeoutSeconds();

    /** {@code faasflow.limits.*}: bounds on what one invocation may carry; the node schedulers must have the same. */
    Limits limits();

    /** Bounds on an invocation's input, enforced on every request; see {@code InputLimits}. */
    interface Limits {
        /** {@code faasflow.limits.input-bytes}: bytes of JSON, at most 4194304. */
        @WithDefault("1048576")
        int inputBytes();

        /** {@code faasflow.limits.input-depth}: nesting of objects and arrays, the input itself counting 1. */
        @WithDefault("64")
        int inputDepth();

        /** {@code faasflow.limits.input-fields}: object fields and array elements in all. */
        @WithDefault("10000")
        int inputFields();

        /** {@code faasflow.limits.input-name-length}: characters of one field name. */
        @WithDefault("1024")
        int inputNameLength();
    }
}
