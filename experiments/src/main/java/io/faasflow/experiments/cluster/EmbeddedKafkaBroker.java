package io.faasflow.experiments.cluster;

import io.faasflow.storage.local.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller roles) inside this JVM, on free loopback
 * ports, with replication factors of 1. Topics are not auto-created.
 *
 * <p>{@link #start(Path)} formats the log directory, starts the server and returns once an admin client sees the
 * cluster; {@link #close()} shuts it down and deletes the log directory. Not thread-safe: one owner starts and
 * closes it. {@link #main(String[])} runs a broker as its own process and prints {@code BOOTSTRAP=<host:port>}.
 *
 * <p>{@code try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dir)) { use(kafka.bootstrapServers()); }}
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    static {
        quietLogger("kafka");
        quietLogger("org.apache.kafka");
        quietLogger("state.change.logger");
    }

    private final KafkaRaftServer server;
    private final Path logDir;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean keepData;
    private final Map<String, String> clientSecurity;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path logDir, int port, boolean keepData,
            Map<String, String> clientSecurity) {
        this.server = server;
        this.logDir = logDir;
        this.port = port;
        this.keepData = keepData;
        this.clientSecurity = clientSecurity;
    }

    /**
     * Formats {@code logDir} and starts the broker on free ports of 127.0.0.1; same as {@code start(logDir, 1)}.
     *
     * @param logDir the broker's log directory, created if missing and deleted by {@link #close()}; never null
     * @return the running broker, never null
     * @throws IllegalStateException if formatting fails or the broker is not ready within 30 s
     */
    public static EmbeddedKafkaBroker start(Path logDir) {
        return start(logDir, 1);
    }

    /**
     * Formats {@code logDir} and starts the broker for a faasflow cluster of {@code nodes} worker nodes, on free
     * ports of 127.0.0.1. Whatever {@code nodes} is, Kafka itself runs as one KRaft node (broker and controller);
     * topics are created by their users with the partition count they need.
     *
     * @param logDir the broker's log directory, created if missing, emptied if it holds an old Kafka log and
     *     deleted by {@link #close()}; never null
     * @param nodes number of faasflow worker nodes that will use the broker, at least 1
     * @return the running broker, never null
     * @throws IllegalArgumentException if {@code nodes} is below 1
     * @throws IllegalStateException if formatting fails or the broker is not ready within 30 s
     */
    public static EmbeddedKafkaBroker start(Path logDir, int nodes) {
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be at least 1, got " + nodes);
        }
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        Properties props = serverProperties(logDir, port, controllerPort);
        format(logDir, props);
        return started(props, logDir, port, false);
    }

    /**
     * Starts a broker that keeps its data: {@code logDir} is formatted only when it holds no Kafka log yet, and
     * is left in place by {@link #close()}, so a restart on the same ports finds every topic and offset again.
     * The ports must be the ones it was first started with (the controller's address is part of its log).
     */
    public static EmbeddedKafkaBroker startKeeping(Path logDir, int port, int controllerPort) {
        Properties props = serverProperties(logDir, port, controllerPort);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir, props);
        }
        return started(props, logDir, port, true);
    }

    /**
     * A broker whose only client listener is SASL_PLAINTEXT with the PLAIN mechanism: {@code users} (name to
     * password) may connect, nobody else. The broker talks to itself as one more user of that listener. For
     * tests of the clients' {@code faasflow.kafka.*} pass-through; no TLS (loopback only).
     *
     * @param clientUser one of {@code users}, whose credentials the broker's own readiness check uses
     */
    public static EmbeddedKafkaBroker startWithSasl(Path logDir, Map<String, String> users, String clientUser) {
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        Properties props = serverProperties(logDir, port, controllerPort);
        String brokerPassword = ApiTokens.generate();
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required")
                .append(" username=\"broker\" password=\"").append(brokerPassword).append('"')
                .append(" user_broker=\"").append(brokerPassword).append('"');
        users.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
        props.putAll(Map.of(
                "listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port,
                "inter.broker.listener.name", "SASL_PLAINTEXT",
                "listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms", "PLAIN",
                "sasl.mechanism.inter.broker.protocol", "PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString()));
        format(logDir, props);
        return started(props, logDir, port, false, saslClient(clientUser, users.get(clientUser)));
    }

    /** The client settings of a PLAIN user, by Kafka name, as {@code faasflow.kafka.*} takes them. */
    public static Map<String, String> saslClient(String user, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";");
    }

    private static EmbeddedKafkaBroker started(Properties props, Path logDir, int port, boolean keepData) {
        return started(props, logDir, port, keepData, Map.of());
    }

    private static EmbeddedKafkaBroker started(Properties props, Path logDir, int port, boolean keepData,
            Map<String, String> clientSecurity) {
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, logDir, port, keepData, clientSecurity);
        try {
            broker.awaitReady();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** Returns the listener for clients, {@code 127.0.0.1:<port>} (PLAINTEXT, or SASL for {@link #startWithSasl}). */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Shuts the broker down, waits until it stopped and deletes its log directory; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        if (!keepData) {
            deleteRecursively(logDir);
        }
    }

    /**
     * Starts one member of a KRaft cluster of several combined brokers and controllers that keeps its data in
     * {@code logDir} (formatted the first time, with {@code clusterId}): node {@code nodeId} of the quorum
     * {@code voters} ({@code 1@127.0.0.1:9093,2@...}). Internal topics get one replica per member and at least
     * two in sync; so do topics created without a replication factor. Returns once the cluster answers, which
     * needs a majority of the members up: start them together.
     */
    public static EmbeddedKafkaBroker startMember(Path logDir, int nodeId, int port, int controllerPort, String voters,
            String clusterId) {
        int members = voters.split(",").length;
        Properties props = serverProperties(logDir, port, controllerPort);
        props.remove("controller.quorum.bootstrap.servers");
        String replicas = Integer.toString(members);
        String inSync = Integer.toString(Math.min(2, members));
        props.putAll(Map.of(
                "node.id", Integer.toString(nodeId),
                "controller.quorum.voters", voters,
                "offsets.topic.replication.factor", replicas,
                "transaction.state.log.replication.factor", replicas,
                "transaction.state.log.min.isr", inSync,
                "default.replication.factor", replicas,
                "min.insync.replicas", inSync));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir, props, clusterId, false);
        }
        return started(props, logDir, port, true);
    }

    /**
     * Runs a broker until the process is killed: {@code --log-dir D} (default: a new temporary folder);
     * {@code --log-dir D --port P --controller-port C} for one that keeps its data in D across restarts; with
     * {@code --node-id N --voters V --cluster-id X} as well, for a member of a cluster of several
     * ({@link #startMember}). Prints {@code BOOTSTRAP=<host:port>} on one line once the broker is ready; a shutdown
     * hook closes it.
     *
     * @throws Exception if the broker cannot start or the wait is interrupted
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length && args[i].startsWith("--"); i += 2) {
            options.put(args[i].substring(2), args[i + 1]);
        }
        java.util.Set<String> given = options.keySet();
        boolean valid = args.length == 2 * options.size() && (given.isEmpty() || given.equals(java.util.Set.of("log-dir"))
                || given.equals(java.util.Set.of("log-dir", "port", "controller-port"))
                || given.equals(java.util.Set.of("log-dir", "port", "controller-port", "node-id", "voters", "cluster-id")));
        if (!valid) {
            System.err.println("usage: EmbeddedKafkaBroker [--log-dir D [--port P --controller-port C"
                    + " [--node-id N --voters V --cluster-id X]]]");
            System.exit(2);
        }
        Path logDir = options.containsKey("log-dir") ? Path.of(options.get("log-dir"))
                : Files.createTempDirectory("faasflow-kafka");
        EmbeddedKafkaBroker broker;
        if (options.containsKey("node-id")) {
            broker = startMember(logDir, Integer.parseInt(options.get("node-id")), Integer.parseInt(options.get("port")),
                    Integer.parseInt(options.get("controller-port")), options.get("voters"), options.get("cluster-id"));
        } else if (options.containsKey("port")) {
            broker = startKeeping(logDir, Integer.parseInt(options.get("port")),
                    Integer.parseInt(options.get("controller-port")));
        } else {
            broker = start(logDir);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-broker-shutdown"));
        System.out.println("BOOTSTRAP=" + broker.bootstrapServers());
        System.out.flush();
        stopped.await();
    }

    static Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                Map.entry("num.partitions", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                // Few partitions for __consumer_offsets: the broker creates them on the first group, faster.
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false")));
        return props;
    }

    private static void format(Path logDir, Properties props) {
        format(logDir, props, Uuid.randomUuid().toString(), true);
    }

    /** @param standalone a quorum of this one controller; false for the static quorum of {@code controller.quorum.voters} */
    private static void format(Path logDir, Properties props, String clusterId, boolean standalone) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            if (Files.exists(logDir.resolve("meta.properties"))) {
                // Left behind by a killed broker: its cluster id and controller port are stale, start afresh.
                deleteRecursively(logDir);
            }
            Files.createDirectories(logDir);
            Path config = logDir.resolveSibling(logDir.getFileName() + "-server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "faasflow embedded broker");
            }
            int code;
            try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                code = StorageTool.execute(standalone
                        ? new String[] {"format", "-t", clusterId, "-c", config.toString(), "--standalone"}
                        : new String[] {"format", "-t", clusterId, "-c", config.toString()}, print);
            }
            Files.delete(config);
            if (code != 0) {
                throw new IllegalStateException("Formatting " + logDir + " failed with code " + code + ": "
                        + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot format Kafka log directory " + logDir, e);
        }
    }

    private void awaitReady() {
        Properties props = new Properties();
        props.putAll(clientSecurity);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            Exception last = null;
            while (System.nanoTime() < deadline) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                } catch (Exception e) {
                    last = e;
                }
            }
            throw new IllegalStateException("Kafka broker " + bootstrapServers() + " not ready within "
                    + READY_TIMEOUT.toSeconds() + " s", last);
        }
    }

    /** The id of the cluster whose members keep their data under {@code dir}: chosen the first time, then read. */
    public static String clusterIdOf(Path dir) {
        Path file = dir.resolve("cluster-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.createDirectories(dir);
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the Kafka cluster id in " + file, e);
        }
    }

    /** Removes the data of a broker that keeps it ({@link #startKeeping}), so its next start is empty. */
    public static void deleteData(Path dir) {
        deleteRecursively(dir);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }

    private static void quietLogger(String name) {
        String key = "org.slf4j.simpleLogger.log." + name;
        if (System.getProperty(key) == null) {
            System.setProperty(key, "warn");
        }
    }
}
