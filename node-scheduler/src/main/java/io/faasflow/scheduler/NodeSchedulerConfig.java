package io.faasflow.scheduler;

import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.storage.StorageConfig;
import io.faasflow.topology.layout.TopicLayout;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Settings of one node scheduler, read from {@code faasflow.*} properties (system properties when run from
 * the command line). Every key is checked at startup; a missing or malformed value names the key.
 */
public record NodeSchedulerConfig(
        int node,
        int nodes,
        String bootstrapServers,
        String topicPrefix,
        StorageConfig storage,
        SyntheticScale scale) {

    public static final String NODE_CONFIG = "faasflow.node";
    public static final String NODE_DOC = "This scheduler's node id, 0..nodes-1; it consumes partition <node> of every per-node topic.";
    public static final String NODES_CONFIG = "faasflow.nodes";
    public static final String NODES_DOC = "Number of worker nodes = partitions of every per-node topic.";
    public static final String BOOTSTRAP_CONFIG = "faasflow.bootstrap-servers";
    public static final String BOOTSTRAP_DOC = "Kafka bootstrap servers, host:port[,host:port].";
    public static final String TOPIC_PREFIX_CONFIG = "faasflow.topic-prefix";
    public static final String TOPIC_PREFIX_DOC = "Prefix of every topic name (default empty).";
    public static final String REDIS_CONFIG = "faasflow.redis-uri";
    public static final String REDIS_DOC = "This node's Redis, e.g. redis://127.0.0.1:6379.";
    public static final String COUCHDB_CONFIG = "faasflow.couchdb-url";
    public static final String COUCHDB_DOC = "The shared CouchDB, e.g. http://127.0.0.1:5984.";
    public static final String COUCHDB_DATABASE_CONFIG = "faasflow.couchdb-database";
    public static final String COUCHDB_DATABASE_DOC = "CouchDB database for invocation data (default faasflow-data).";
    public static final String DATA_TTL_CONFIG = "faasflow.data-ttl-seconds";
    public static final String DATA_TTL_DOC = "Lifetime in Redis of data whose invocation never cleaned up (default 3600).";
    public static final String RUNTIME_SCALE_CONFIG = "faasflow.synthetic.runtime-scale";
    public static final String RUNTIME_SCALE_DOC = "Multiplier of declared runtimes in the synthetic function (default 1.0).";
    public static final String SIZE_SCALE_CONFIG = "faasflow.synthetic.size-scale";
    public static final String SIZE_SCALE_DOC = "Multiplier of declared data sizes in the synthetic function and generated inputs (default 1.0).";

    /** Every key with its documentation, in the order of the docs. */
    public static Map<String, String> documentation() {
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put(NODE_CONFIG, NODE_DOC);
        docs.put(NODES_CONFIG, NODES_DOC);
        docs.put(BOOTSTRAP_CONFIG, BOOTSTRAP_DOC);
        docs.put(TOPIC_PREFIX_CONFIG, TOPIC_PREFIX_DOC);
        docs.put(REDIS_CONFIG, REDIS_DOC);
        docs.put(COUCHDB_CONFIG, COUCHDB_DOC);
        docs.put(COUCHDB_DATABASE_CONFIG, COUCHDB_DATABASE_DOC);
        docs.put(DATA_TTL_CONFIG, DATA_TTL_DOC);
        docs.put(RUNTIME_SCALE_CONFIG, RUNTIME_SCALE_DOC);
        docs.put(SIZE_SCALE_CONFIG, SIZE_SCALE_DOC);
        return docs;
    }

    public NodeSchedulerConfig {
        if (nodes < 1) {
            throw new IllegalArgumentException(NODES_CONFIG + " must be at least 1; got " + nodes);
        }
        if (node < 0 || node >= nodes) {
            throw new IllegalArgumentException(NODE_CONFIG + "=" + node + " must lie in 0.." + (nodes - 1)
                    + " because " + NODES_CONFIG + "=" + nodes);
        }
    }

    public TopicLayout layout() {
        return new TopicLayout(topicPrefix, nodes);
    }

    public static NodeSchedulerConfig from(Properties properties) {
        return new NodeSchedulerConfig(
                integer(properties, NODE_CONFIG),
                integer(properties, NODES_CONFIG),
                required(properties, BOOTSTRAP_CONFIG),
                properties.getProperty(TOPIC_PREFIX_CONFIG, ""),
                new StorageConfig(required(properties, REDIS_CONFIG), required(properties, COUCHDB_CONFIG),
                        properties.getProperty(COUCHDB_DATABASE_CONFIG, StorageConfig.DEFAULT_DATABASE),
                        Duration.ofSeconds((long) decimal(properties, DATA_TTL_CONFIG, StorageConfig.DEFAULT_TTL.toSeconds()))),
                new SyntheticScale(decimal(properties, RUNTIME_SCALE_CONFIG, 1.0), decimal(properties, SIZE_SCALE_CONFIG, 1.0)));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing setting " + key + ": " + documentation().get(key));
        }
        return value.trim();
    }

    private static int integer(Properties properties, String key) {
        String value = required(properties, key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer; got '" + value + "'");
        }
    }

    private static double decimal(Properties properties, String key, double absent) {
        String value = properties.getProperty(key);
        if (value == null) {
            return absent;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number; got '" + value + "'");
        }
    }
}
