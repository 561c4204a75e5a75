package io.faasflow.scheduler;

import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.scheduler.engine.EngineSettings;
import io.faasflow.scheduler.engine.SchedulingMode;
import io.faasflow.scheduler.runtime.ContainerSettings;
import io.faasflow.scheduler.runtime.ContainerSpec;
import io.faasflow.scheduler.runtime.DockerSettings;
import io.faasflow.scheduler.runtime.PoolSettings;
import io.faasflow.scheduler.runtime.Prewarm;
import io.faasflow.storage.StorageConfig;
import io.faasflow.storage.access.CouchEndpoint;
import io.faasflow.scheduler.kafka.KafkaConnection;
import io.faasflow.topology.layout.KafkaClientSecurity;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.wire.InputLimits;
import java.nio.file.Path;
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
        SyntheticScale scale,
        EngineSettings engine,
        ContainerSettings containers,
        Duration keepData,
        short topicReplicationFactor,
        Path readyFile,
        InputLimits inputLimits,
        KafkaClientSecurity kafkaSecurity,
        Integer healthPort,
        String healthHost) {

    public static final String NODE_CONFIG = "faasflow.node";
    public static final String NODE_DOC = "This scheduler's node id, 0..nodes-1; it consumes partition <node> of every per-node topic.";
    public static final String NODES_CONFIG = "faasflow.nodes";
    public static final String NODES_DOC = "Number of worker nodes = partitions of every per-node topic.";
    public static final String BOOTSTRAP_CONFIG = "faasflow.bootstrap-servers";
    public static final String BOOTSTRAP_DOC = "Kafka bootstrap servers, host:port[,host:port].";
    public static final String KAFKA_SECURITY_CONFIG = "faasflow.kafka.*";
    public static final String KAFKA_SECURITY_DOC = "Kafka connection settings every client of the scheduler takes, by their Kafka names: faasflow.kafka.security.protocol, faasflow.kafka.sasl.* and faasflow.kafka.ssl.* (environment FAASFLOW_KAFKA_SASL_JAAS_CONFIG and so on); any other faasflow.kafka.* key is refused (default none: PLAINTEXT).";
    public static final String TOPIC_PREFIX_CONFIG = "faasflow.topic-prefix";
    public static final String TOPIC_PREFIX_DOC = "Prefix of every topic name (default empty).";
    public static final String REDIS_CONFIG = "faasflow.redis-uri";
    public static final String REDIS_DOC = "This node's Redis, e.g. redis://127.0.0.1:6379.";
    public static final String COUCHDB_CONFIG = "faasflow.couchdb-url";
    public static final String COUCHDB_DOC = "The shared CouchDB, e.g. http://127.0.0.1:5984.";
    public static final String FUNCTION_COUCHDB_CONFIG = "faasflow.function-couchdb-url";
    public static final String FUNCTION_COUCHDB_DOC = "The CouchDB URL that function code in process and docker containers gets, with the credentials of a user that is a member of the data database and no admin, e.g. http://faasflow-function:<password>@couchdb:5984 (/app/bin/setup-couchdb creates that user); checked at startup. Required when faasflow.couchdb-url carries credentials and the runtime is not embedded (default: faasflow.couchdb-url).";
    public static final String COUCHDB_DATABASE_CONFIG = "faasflow.couchdb-database";
    public static final String COUCHDB_DATABASE_DOC = "CouchDB database for invocation data (default faasflow-data).";
    public static final String DATA_TTL_CONFIG = "faasflow.data-ttl-seconds";
    public static final String DATA_TTL_DOC = "Lifetime in Redis of data whose invocation never cleaned up (default 3600).";
    public static final String KEEP_DATA_CONFIG = "faasflow.data.keep-seconds";
    public static final String KEEP_DATA_DOC = "How long an ended invocation's data is kept before this node removes it, for inspection; not kept across a scheduler restart, when the Redis TTL still applies (default 0: removed at the end).";
    public static final String RUNTIME_SCALE_CONFIG = "faasflow.synthetic.runtime-scale";
    public static final String RUNTIME_SCALE_DOC = "Multiplier of declared runtimes in the synthetic function (default 1.0).";
    public static final String SIZE_SCALE_CONFIG = "faasflow.synthetic.size-scale";
    public static final String SIZE_SCALE_DOC = "Multiplier of declared data sizes in the synthetic function and generated inputs (default 1.0).";

    public static final String SCHEDULING_CONFIG = "faasflow.scheduling";
    public static final String SCHEDULING_DOC = "worker (default: each node triggers the functions it hosts) or master (the MasterSP baseline: one master node holds all state and sends a run request per function).";
    public static final String MASTER_NODE_CONFIG = "faasflow.master-node";
    public static final String MASTER_NODE_DOC = "The node that schedules every function in master mode (default 0).";
    public static final String MAX_ATTEMPTS_CONFIG = "faasflow.retry.max-attempts";
    public static final String MAX_ATTEMPTS_DOC = "Tries of a failing function in all, unless its YAML sets max_attempts (default 3).";
    public static final String RETRY_BACKOFF_CONFIG = "faasflow.retry.backoff-ms";
    public static final String RETRY_BACKOFF_DOC = "Pause before a function's second try, doubled before each later one, unless its YAML sets retry_backoff_ms (default 200).";
    public static final String FUNCTION_TIMEOUT_CONFIG = "faasflow.function-timeout-seconds";
    public static final String FUNCTION_TIMEOUT_DOC = "Longest one try of a function may run, unless its YAML sets timeout_s (default 300).";
    public static final String INVOCATION_TIMEOUT_CONFIG = "faasflow.invocation-timeout-seconds";
    public static final String INVOCATION_TIMEOUT_DOC = "Longest an invocation may run before it ends as TIMED_OUT (default 900).";
    public static final String TOPIC_REPLICATION_CONFIG = "faasflow.topic-replication-factor";
    public static final String TOPIC_REPLICATION_DOC = "Replication factor of the topics this scheduler creates when they are missing; at most the number of Kafka brokers (default 1).";
    public static final String READY_FILE_CONFIG = "faasflow.ready-file";
    public static final String READY_FILE_DOC = "A file written once the scheduler consumes its partitions and removed when it stops, for a container health check (default none).";

    public static final String HEALTH_PORT_CONFIG = "faasflow.health-port";
    public static final String HEALTH_PORT_DOC = "Port of the scheduler's HTTP health endpoint: GET /health/live (200 while the process serves) and GET /health/ready (200 while it consumes its partitions and its event loop turns, else 503 with the reason); 0 picks a free port, which the log names (default none: no endpoint).";
    public static final String HEALTH_HOST_CONFIG = "faasflow.health-host";
    public static final String HEALTH_HOST_DOC = "Address the health endpoint listens on (default 127.0.0.1; 0.0.0.0 for a probe from outside the host or container).";

    public static final String RUNTIME_CONFIG = "faasflow.runtime";
    public static final String RUNTIME_DOC = "Where functions run: auto (default: docker when a Docker engine answers, else process), docker (a pooled function server per Docker container), process (the same server as a child JVM, for machines without Docker), or embedded (on virtual threads inside the scheduler, no containers: what the embedded cluster of ./faasflow uses unless told otherwise).";
    public static final String DOCKER_HOST_CONFIG = "faasflow.docker.host";
    public static final String DOCKER_HOST_DOC = "The Docker engine of the docker runtime; it must run on the scheduler's host (default: DOCKER_HOST, else unix:///var/run/docker.sock).";
    public static final String DOCKER_NETWORK_CONFIG = "faasflow.docker.network";
    public static final String DOCKER_NETWORK_DOC = "Network of the function containers: faasflow-functions (default: a bridge of their own, created when missing; stores the scheduler reaches on loopback are relayed to them from its gateway address), the name of a Docker network the scheduler's own container is on (the compose cluster: faasflow), where they reach Redis and CouchDB by the same names as the scheduler, or host to share the host's network; off the host's network they are reached at their address on it.";
    public static final String DOCKER_IMAGE_CONFIG = "faasflow.docker.image";
    public static final String DOCKER_IMAGE_DOC = "The function server image (default faasflow/functions:<faasflow version>, built by compose/build-function-image.sh).";
    public static final String CONTAINER_MEMORY_CONFIG = "faasflow.container.memory-mb";
    public static final String CONTAINER_MEMORY_DOC = "Memory limit of each function container in MiB; the process runtime takes it as the heap limit (default 256, as the original's model).";
    public static final String CONTAINER_CPUS_CONFIG = "faasflow.container.cpus";
    public static final String CONTAINER_CPUS_DOC = "CPUs each docker function container may use (default 1.0); every container also runs as an unprivileged user without capabilities, on a read-only root file system with a writable /tmp.";
    public static final String CONTAINER_PIDS_CONFIG = "faasflow.container.pids-limit";
    public static final String CONTAINER_PIDS_DOC = "Processes and threads each docker function container may have (default 256, at least 16).";
    public static final String CONTAINER_LOG_DIR_CONFIG = "faasflow.container.log-dir";
    public static final String CONTAINER_LOG_DIR_DOC = "Directory where each process container writes its output to a file of its own, named node<node>-<workflow>-v<version>-<function>-<n>.log (default: the scheduler's standard error).";
    public static final String OWNER_ID_CONFIG = "faasflow.owner-id";
    public static final String OWNER_ID_DOC = "Label of this scheduler's containers; a scheduler that starts removes the containers its owner id left behind, and no others (default node-<node>@<bootstrap servers>).";
    public static final String PREWARM_CONFIG = "faasflow.pool.prewarm";
    public static final String PREWARM_DOC = "Containers to start before the first run, as workflow/function=count[,...]; started when the node learns of a deployment that it hosts the function of (default none).";
    public static final String POOL_MAX_CONFIG = "faasflow.pool.max-containers";
    public static final String POOL_MAX_DOC = "Containers per pool and node when the runtime is not embedded and the workflow was deployed without max_containers (default 10); a pool serves the functions of a deployment that run the same implementation, in practice one function, all of them in a synthetic deployment.";
    public static final String POOL_IDLE_CONFIG = "faasflow.pool.idle-seconds";
    public static final String POOL_IDLE_DOC = "How long an idle container is kept before it is stopped (default 600).";

    public static final String INPUT_BYTES_CONFIG = "faasflow.limits.input-bytes";
    public static final String INPUT_BYTES_DOC = "Largest invocation input accepted, in bytes of JSON, on the invocations topic; set it as the ingress's (default 1048576, at most 4194304).";
    public static final String INPUT_DEPTH_CONFIG = "faasflow.limits.input-depth";
    public static final String INPUT_DEPTH_DOC = "Deepest nesting of objects and arrays in an invocation input (default 64).";
    public static final String INPUT_FIELDS_CONFIG = "faasflow.limits.input-fields";
    public static final String INPUT_FIELDS_DOC = "Most fields and array elements of an invocation input in all (default 10000).";
    public static final String INPUT_NAME_LENGTH_CONFIG = "faasflow.limits.input-name-length";
    public static final String INPUT_NAME_LENGTH_DOC = "Longest field name in an invocation input, in characters (default 1024).";

    private static final long MIB = 1024 * 1024;

    /** Every key with its documentation, in the order of the docs. */
    public static Map<String, String> documentation() {
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put(NODE_CONFIG, NODE_DOC);
        docs.put(NODES_CONFIG, NODES_DOC);
        docs.put(BOOTSTRAP_CONFIG, BOOTSTRAP_DOC);
        docs.put(KAFKA_SECURITY_CONFIG, KAFKA_SECURITY_DOC);
        docs.put(TOPIC_PREFIX_CONFIG, TOPIC_PREFIX_DOC);
        docs.put(TOPIC_REPLICATION_CONFIG, TOPIC_REPLICATION_DOC);
        docs.put(REDIS_CONFIG, REDIS_DOC);
        docs.put(COUCHDB_CONFIG, COUCHDB_DOC);
        docs.put(COUCHDB_DATABASE_CONFIG, COUCHDB_DATABASE_DOC);
        docs.put(FUNCTION_COUCHDB_CONFIG, FUNCTION_COUCHDB_DOC);
        docs.put(DATA_TTL_CONFIG, DATA_TTL_DOC);
        docs.put(KEEP_DATA_CONFIG, KEEP_DATA_DOC);
        docs.put(RUNTIME_SCALE_CONFIG, RUNTIME_SCALE_DOC);
        docs.put(SIZE_SCALE_CONFIG, SIZE_SCALE_DOC);
        docs.put(SCHEDULING_CONFIG, SCHEDULING_DOC);
        docs.put(MASTER_NODE_CONFIG, MASTER_NODE_DOC);
        docs.put(MAX_ATTEMPTS_CONFIG, MAX_ATTEMPTS_DOC);
        docs.put(RETRY_BACKOFF_CONFIG, RETRY_BACKOFF_DOC);
        docs.put(FUNCTION_TIMEOUT_CONFIG, FUNCTION_TIMEOUT_DOC);
        docs.put(INVOCATION_TIMEOUT_CONFIG, INVOCATION_TIMEOUT_DOC);
        docs.put(RUNTIME_CONFIG, RUNTIME_DOC);
        docs.put(POOL_MAX_CONFIG, POOL_MAX_DOC);
        docs.put(POOL_IDLE_CONFIG, POOL_IDLE_DOC);
        docs.put(PREWARM_CONFIG, PREWARM_DOC);
        docs.put(DOCKER_HOST_CONFIG, DOCKER_HOST_DOC);
        docs.put(DOCKER_IMAGE_CONFIG, DOCKER_IMAGE_DOC);
        docs.put(DOCKER_NETWORK_CONFIG, DOCKER_NETWORK_DOC);
        docs.put(CONTAINER_MEMORY_CONFIG, CONTAINER_MEMORY_DOC);
        docs.put(CONTAINER_CPUS_CONFIG, CONTAINER_CPUS_DOC);
        docs.put(CONTAINER_PIDS_CONFIG, CONTAINER_PIDS_DOC);
        docs.put(CONTAINER_LOG_DIR_CONFIG, CONTAINER_LOG_DIR_DOC);
        docs.put(OWNER_ID_CONFIG, OWNER_ID_DOC);
        docs.put(READY_FILE_CONFIG, READY_FILE_DOC);
        docs.put(HEALTH_PORT_CONFIG, HEALTH_PORT_DOC);
        docs.put(HEALTH_HOST_CONFIG, HEALTH_HOST_DOC);
        docs.put(INPUT_BYTES_CONFIG, INPUT_BYTES_DOC);
        docs.put(INPUT_DEPTH_CONFIG, INPUT_DEPTH_DOC);
        docs.put(INPUT_FIELDS_CONFIG, INPUT_FIELDS_DOC);
        docs.put(INPUT_NAME_LENGTH_CONFIG, INPUT_NAME_LENGTH_DOC);
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
        if (topicReplicationFactor < 1) {
            throw new IllegalArgumentException(TOPIC_REPLICATION_CONFIG + " must be at least 1; got " + topicReplicationFactor);
        }
        if (!containers.embedded() && containers.functionCouchUrl() == null
                && CouchEndpoint.parse(COUCHDB_CONFIG, storage.couchUrl()).hasCredentials()) {
            throw new IllegalArgumentException(COUCHDB_CONFIG + " carries credentials and " + RUNTIME_CONFIG + "="
                    + containers.runtime() + " runs function code outside the scheduler: set " + FUNCTION_COUCHDB_CONFIG
                    + " (environment " + environmentName(FUNCTION_COUCHDB_CONFIG) + ") to a URL with a CouchDB user"
                    + " that is no admin, so that function code does not get these credentials");
        }
        if (engine.masterNode() < 0 || engine.masterNode() >= nodes) {
            throw new IllegalArgumentException(MASTER_NODE_CONFIG + "=" + engine.masterNode() + " must lie in 0.."
                    + (nodes - 1) + " because " + NODES_CONFIG + "=" + nodes);
        }
    }

    public TopicLayout layout() {
        return new TopicLayout(topicPrefix, nodes);
    }

    /** The bootstrap servers with the {@code faasflow.kafka.*} settings every client of this scheduler takes. */
    public KafkaConnection kafka() {
        return new KafkaConnection(bootstrapServers, kafkaSecurity);
    }

    public static NodeSchedulerConfig from(Properties properties) {
        int node = integer(properties, NODE_CONFIG);
        String bootstrap = required(properties, BOOTSTRAP_CONFIG);
        return new NodeSchedulerConfig(
                node,
                integer(properties, NODES_CONFIG),
                bootstrap,
                properties.getProperty(TOPIC_PREFIX_CONFIG, ""),
                new StorageConfig(required(properties, REDIS_CONFIG), required(properties, COUCHDB_CONFIG),
                        properties.getProperty(COUCHDB_DATABASE_CONFIG, StorageConfig.DEFAULT_DATABASE),
                        Duration.ofSeconds((long) decimal(properties, DATA_TTL_CONFIG, StorageConfig.DEFAULT_TTL.toSeconds()))),
                new SyntheticScale(decimal(properties, RUNTIME_SCALE_CONFIG, 1.0), decimal(properties, SIZE_SCALE_CONFIG, 1.0)),
                engineSettings(properties),
                containerSettings(properties, node, bootstrap),
                keepData(properties),
                replicationFactor(properties),
                optionalPath(properties, READY_FILE_CONFIG),
                inputLimits(properties),
                kafkaSecurity(properties),
                healthPort(properties),
                properties.getProperty(HEALTH_HOST_CONFIG, "127.0.0.1").trim());
    }

    private static Integer healthPort(Properties properties) {
        String value = properties.getProperty(HEALTH_PORT_CONFIG);
        if (value == null || value.isBlank()) {
            return null;
        }
        int port = whole(properties, HEALTH_PORT_CONFIG, 0);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(HEALTH_PORT_CONFIG + " must lie in 0..65535; got " + port);
        }
        return port;
    }

    /** The {@code faasflow.kafka.*} settings among {@code properties} (see {@link KafkaClientSecurity}). */
    public static KafkaClientSecurity kafkaSecurity(Properties properties) {
        Map<String, String> keys = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> keys.put(key, properties.getProperty(key)));
        return KafkaClientSecurity.from(keys, Map.of());
    }

    private static InputLimits inputLimits(Properties properties) {
        InputLimits defaults = InputLimits.DEFAULTS;
        try {
            return new InputLimits(whole(properties, INPUT_BYTES_CONFIG, defaults.maxBytes()),
                    whole(properties, INPUT_DEPTH_CONFIG, defaults.maxDepth()),
                    whole(properties, INPUT_FIELDS_CONFIG, defaults.maxFields()),
                    whole(properties, INPUT_NAME_LENGTH_CONFIG, defaults.maxNameLength()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("faasflow.limits.*: " + e.getMessage(), e);
        }
    }

    private static int whole(Properties properties, String key, int absent) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number; got '" + value + "'");
        }
    }

    /**
     * The settings of {@code system} (system properties), with each documented key that it lacks taken from
     * {@code environment} under its environment name (see {@link #environmentName}), and the Kafka connection
     * settings of {@code FAASFLOW_KAFKA_*} variables: how a container is configured.
     */
    public static Properties withEnvironment(Properties system, Map<String, String> environment) {
        Properties merged = new Properties();
        for (String key : documentation().keySet()) {
            String value = environment.get(environmentName(key));
            if (value != null) {
                merged.setProperty(key, value);
            }
        }
        KafkaClientSecurity.from(Map.of(), environment).properties()
                .forEach((name, value) -> merged.setProperty(KafkaClientSecurity.PREFIX + name, value));
        merged.putAll(system);
        return merged;
    }

    /** {@code faasflow.docker.image} is read from {@code FAASFLOW_DOCKER_IMAGE}: upper case, dots and dashes as underscores. */
    public static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The Kafka address of these settings ({@code faasflow.bootstrap-servers}), for tools beside the scheduler. */
    public static String bootstrapServers(Properties properties) {
        return required(properties, BOOTSTRAP_CONFIG);
    }

    /** The topics of the cluster these settings describe: {@code faasflow.topic-prefix} and {@code faasflow.nodes}. */
    public static TopicLayout topicLayout(Properties properties) {
        int nodes = integer(properties, NODES_CONFIG);
        if (nodes < 1) {
            throw new IllegalArgumentException(NODES_CONFIG + " must be at least 1; got " + nodes);
        }
        return new TopicLayout(properties.getProperty(TOPIC_PREFIX_CONFIG, ""), nodes);
    }

    /** {@code faasflow.topic-replication-factor}: a whole number of at least 1, default 1. */
    public static short replicationFactor(Properties properties) {
        double factor = decimal(properties, TOPIC_REPLICATION_CONFIG, 1);
        if (factor != Math.rint(factor) || factor < 1 || factor > Short.MAX_VALUE) {
            throw new IllegalArgumentException(TOPIC_REPLICATION_CONFIG + " must be a whole number of at least 1; got "
                    + properties.getProperty(TOPIC_REPLICATION_CONFIG));
        }
        return (short) factor;
    }

    private static Path optionalPath(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : Path.of(value.trim());
    }

    private static Duration keepData(Properties properties) {
        double seconds = decimal(properties, KEEP_DATA_CONFIG, 0);
        if (seconds < 0) {
            throw new IllegalArgumentException(KEEP_DATA_CONFIG + " must not be negative; got " + seconds);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static ContainerSettings containerSettings(Properties properties, int node, String bootstrap) {
        DockerSettings docker = DockerSettings.defaults();
        String host = properties.getProperty(DOCKER_HOST_CONFIG);
        if (host != null && !host.isBlank()) {
            docker = docker.withHost(host.trim());
        }
        String image = properties.getProperty(DOCKER_IMAGE_CONFIG);
        if (image != null && !image.isBlank()) {
            docker = docker.withImage(image.trim());
        }
        String network = properties.getProperty(DOCKER_NETWORK_CONFIG);
        if (network != null && !network.isBlank()) {
            docker = docker.withNetwork(network.trim());
        }
        double cpus = decimal(properties, CONTAINER_CPUS_CONFIG, DockerSettings.DEFAULT_CPUS);
        double pids = decimal(properties, CONTAINER_PIDS_CONFIG, DockerSettings.DEFAULT_PIDS_LIMIT);
        if (pids != Math.rint(pids) || pids > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(CONTAINER_PIDS_CONFIG + " must be a whole number; got "
                    + properties.getProperty(CONTAINER_PIDS_CONFIG));
        }
        try {
            docker = docker.withLimits(cpus, (int) pids);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CONTAINER_CPUS_CONFIG + ", " + CONTAINER_PIDS_CONFIG + ": " + e.getMessage(), e);
        }
        double memory = decimal(properties, CONTAINER_MEMORY_CONFIG, ContainerSpec.DEFAULT_MEMORY_LIMIT_BYTES / MIB);
        if (memory * MIB < ContainerSpec.MIN_MEMORY_LIMIT_BYTES || memory != Math.rint(memory)) {
            throw new IllegalArgumentException(CONTAINER_MEMORY_CONFIG + " must be a whole number of at least "
                    + ContainerSpec.MIN_MEMORY_LIMIT_BYTES / MIB + "; got " + properties.getProperty(CONTAINER_MEMORY_CONFIG));
        }
        String owner = properties.getProperty(OWNER_ID_CONFIG, "node-" + node + "@" + bootstrap).trim();
        Prewarm prewarm;
        try {
            prewarm = Prewarm.parse(properties.getProperty(PREWARM_CONFIG));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREWARM_CONFIG + ": " + e.getMessage(), e);
        }
        String logDirectory = properties.getProperty(CONTAINER_LOG_DIR_CONFIG);
        String functionCouchUrl = properties.getProperty(FUNCTION_COUCHDB_CONFIG);
        if (functionCouchUrl != null && !functionCouchUrl.isBlank()
                && !CouchEndpoint.parse(FUNCTION_COUCHDB_CONFIG, functionCouchUrl).hasCredentials()) {
            throw new IllegalArgumentException(FUNCTION_COUCHDB_CONFIG + " must carry the user and password of the"
                    + " function user, e.g. http://faasflow-function:<password>@couchdb:5984");
        }
        return new ContainerSettings(runtime(properties), poolSettings(properties), docker, (long) memory * MIB, owner,
                prewarm, logDirectory == null || logDirectory.isBlank() ? null : Path.of(logDirectory.trim()),
                functionCouchUrl == null || functionCouchUrl.isBlank() ? null : functionCouchUrl.trim());
    }

    private static String runtime(Properties properties) {
        String value = properties.getProperty(RUNTIME_CONFIG, "auto").trim().toLowerCase(java.util.Locale.ROOT);
        if (!ContainerSettings.RUNTIMES.contains(value)) {
            throw new IllegalArgumentException(RUNTIME_CONFIG + " must be auto, docker, process or embedded; got '"
                    + properties.getProperty(RUNTIME_CONFIG) + "'");
        }
        return value;
    }

    private static PoolSettings poolSettings(Properties properties) {
        double max = decimal(properties, POOL_MAX_CONFIG, PoolSettings.DEFAULTS.defaultMaxContainers());
        double idle = decimal(properties, POOL_IDLE_CONFIG, PoolSettings.DEFAULTS.idleTimeout().toSeconds());
        if (max < 1 || max != Math.rint(max) || idle <= 0) {
            throw new IllegalArgumentException(POOL_MAX_CONFIG + " must be a whole number of at least 1 and "
                    + POOL_IDLE_CONFIG + " positive");
        }
        return PoolSettings.DEFAULTS.withDefaultMaxContainers((int) max)
                .withIdleTimeout(Duration.ofMillis(Math.round(idle * 1000)), PoolSettings.DEFAULTS.sweepInterval());
    }

    private static EngineSettings engineSettings(Properties properties) {
        EngineSettings defaults = EngineSettings.DEFAULTS;
        SchedulingMode mode = defaults.mode();
        String modeText = properties.getProperty(SCHEDULING_CONFIG);
        if (modeText != null) {
            try {
                mode = SchedulingMode.parse(modeText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(SCHEDULING_CONFIG + " " + e.getMessage());
            }
        }
        int attempts = (int) decimal(properties, MAX_ATTEMPTS_CONFIG, defaults.maxAttempts());
        if (attempts < 1) {
            throw new IllegalArgumentException(MAX_ATTEMPTS_CONFIG + " must be at least 1; got " + attempts);
        }
        double backoff = decimal(properties, RETRY_BACKOFF_CONFIG, defaults.retryBackoff().toMillis());
        double functionTimeout = decimal(properties, FUNCTION_TIMEOUT_CONFIG, defaults.functionTimeout().toSeconds());
        double invocationTimeout = decimal(properties, INVOCATION_TIMEOUT_CONFIG, defaults.invocationTimeout().toSeconds());
        if (backoff < 0 || functionTimeout <= 0 || invocationTimeout <= 0) {
            throw new IllegalArgumentException(RETRY_BACKOFF_CONFIG + " must not be negative, and "
                    + FUNCTION_TIMEOUT_CONFIG + " and " + INVOCATION_TIMEOUT_CONFIG + " must be positive");
        }
        return new EngineSettings(mode, (int) decimal(properties, MASTER_NODE_CONFIG, 0), attempts,
                Duration.ofMillis(Math.round(backoff)), Duration.ofMillis(Math.round(functionTimeout * 1000)),
                Duration.ofMillis(Math.round(invocationTimeout * 1000)));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing setting " + key + " (environment " + environmentName(key) + "): "
                    + documentation().get(key));
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
