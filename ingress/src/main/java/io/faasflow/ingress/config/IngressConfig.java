package io.faasflow.ingress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

    /** {@code faasflow.topic-prefix}: prepended to every topic name; absent or empty in production, unique per test. */
    Optional<String> topicPrefix();

    /** {@code faasflow.results-cache-size}: invocation results (and pending submissions) kept in memory, LRU. */
    @WithDefault("100000")
    int resultsCacheSize();

    /**
     * {@code faasflow.scale-limit}: containers one node may host, FaaSFlow's {@code scale_limit}; the grouping
     * partitioner fills 0.8 of it, shared by every deployed workflow.
     */
    @WithDefault("120")
    int scaleLimit();
}
