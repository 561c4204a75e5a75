package io.faasflow.experiments.cluster;

import io.faasflow.scheduler.NodeSchedulerConfig;
import io.faasflow.scheduler.kafka.KafkaClients;
import io.faasflow.scheduler.kafka.TopicBootstrap;
import io.faasflow.topology.layout.TopicLayout;
import org.apache.kafka.clients.admin.Admin;
import io.faasflow.storage.local.CouchDbStandIn;
import io.faasflow.storage.local.FreePorts;
import io.faasflow.storage.local.RedisServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * A whole faasflow cluster on loopback: a real KRaft Kafka broker (in this JVM, in a process of its own that keeps
 * its data, or a Kafka it is given), one {@code redis-server} per node, the CouchDB-compatible server, one node
 * scheduler process per node and the Quarkus ingress process. A {@link Supervisor} describes them in
 * {@code cluster.json} of the work folder and, when the options say so, starts again whatever dies.
 * {@link #close()} stops everything it started, in reverse order.
 */
public final class LocalCluster implements AutoCloseable {
    private final ClusterOptions options;
    /** What runs in this JVM: the broker, unless it is external or a process of its own. */
    private final List<AutoCloseable> started = new ArrayList<>();
    private final RedisServerProcess[] redis;
    private final ChildProcess[] schedulers;
    private final int[] healthPorts;
    private final Supervisor supervisor;
    private String bootstrapServers;
    private volatile CouchDbStandIn couch;
    private volatile ChildProcess ingress;
    private volatile ChildProcess broker;
    private ChildProcess[] quorum = new ChildProcess[0];
    private int httpPort;
    private final String apiToken;

    private LocalCluster(ClusterOptions options) {
        this.options = options;
        this.schedulers = new ChildProcess[options.nodes()];
        this.healthPorts = new int[options.nodes()];
        this.redis = new RedisServerProcess[options.nodes()];
        this.supervisor = new Supervisor(options.workDir().resolve("cluster.json"), options.supervised(), System.out);
        this.apiToken = options.apiToken() != null ? options.apiToken() : ApiTokens.generate();
    }

    public static LocalCluster start(ClusterOptions options) {
        LocalCluster cluster = new LocalCluster(options);
        try {
            cluster.startAll();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void startAll() {
        if (options.externalKafka() != null) {
            bootstrapServers = options.externalKafka();
        } else if (options.kafkaDir() != null && options.brokers() > 1) {
            startQuorum();
        } else if (options.kafkaDir() != null) {
            KafkaPorts ports = KafkaPorts.of(options.kafkaDir());
            broker = startBroker(ports);
            bootstrapServers = "127.0.0.1:" + ports.port();
            supervisor.add("kafka", "kafka", null, Map.of("bootstrap", bootstrapServers,
                    "data", options.kafkaDir().toString()), broker, () -> broker = startBroker(ports));
        } else {
            bootstrapServers = track(EmbeddedKafkaBroker.start(options.workDir().resolve("kafka"), options.nodes()))
                    .bootstrapServers();
        }
        supervisor.describe("kafka", bootstrapServers);
        couch = startCouch(0);
        int couchPort = couch.port();
        supervisor.add("couchdb", "couchdb", null, Map.of("url", couch.url()), LocalService.of(couch),
                () -> LocalService.of(couch = startCouch(couchPort)));
        supervisor.describe("couchdb", couch.url());
        for (int node = 0; node < options.nodes(); node++) {
            int index = node;
            redis[node] = RedisServerProcess.start(redisDir(node));
            int port = redis[node].port();
            supervisor.add("redis-" + node, "redis", node, Map.of("uri", redis[node].uri()), LocalService.of(redis[node]),
                    () -> LocalService.of(redis[index] = RedisServerProcess.start(redisDir(index), port)));
        }
        if (options.externalKafka() == null) {
            try (Admin admin = KafkaClients.admin(bootstrapServers)) {
                TopicBootstrap.ensure(admin, new TopicLayout(options.topicPrefix(), options.nodes()),
                        (short) options.brokers());
            }
        }
        // On a Kafka of its own the schedulers create the topics themselves, as in a deployed cluster.
        for (int node = 0; node < options.nodes(); node++) {
            startScheduler(node);
        }
        for (int node = 0; node < options.nodes(); node++) {
            schedulers[node].awaitReady(120);
            int index = node;
            supervisor.add("node-" + node, "scheduler", node, Map.of("log", schedulerLog(node).toString(),
                    "health", schedulerHealthUrl(node)),
                    schedulers[node], () -> {
                        startScheduler(index);
                        awaitScheduler(index);
                        return schedulers[index];
                    });
        }
        if (options.withIngress()) {
            httpPort = options.httpPort() == 0 ? FreePorts.next() : options.httpPort();
            ingress = startIngress();
            supervisor.add("ingress", "ingress", null, Map.of("url", ingressUrl()), ingress, () -> ingress = startIngress());
            supervisor.describe("ingress", ingressUrl());
        }
        supervisor.start();
    }

    private Path redisDir(int node) {
        return options.workDir().resolve("redis-" + node);
    }

    private Path schedulerLog(int node) {
        return options.workDir().resolve("logs/node-" + node + ".log");
    }

    private CouchDbStandIn startCouch(int port) {
        Path dir = options.workDir().resolve("couchdb");
        int chosen = port == 0 ? FreePorts.next() : port;
        return options.storeNetwork() == null
                ? CouchDbStandIn.start(options.projectHome(), dir, List.of(), "127.0.0.1", chosen)
                : CouchDbStandIn.start(options.projectHome(), dir, options.storeNetwork().commandPrefix(),
                        options.storeNetwork().storeHost(), chosen);
    }

    /**
     * A KRaft cluster of {@code options.brokers()} combined brokers and controllers, each a process of its own with
     * its data and ports in {@code broker-<i>} of the Kafka folder; started together, as none answers before a
     * majority runs.
     */
    private void startQuorum() {
        int members = options.brokers();
        KafkaPorts[] ports = new KafkaPorts[members];
        List<String> voters = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            ports[i] = KafkaPorts.of(options.kafkaDir().resolve("broker-" + i));
            voters.add((i + 1) + "@127.0.0.1:" + ports[i].controllerPort());
            addresses.add("127.0.0.1:" + ports[i].port());
        }
        String clusterId = EmbeddedKafkaBroker.clusterIdOf(options.kafkaDir());
        quorum = new ChildProcess[members];
        for (int i = 0; i < members; i++) {
            quorum[i] = startMember(i, ports[i], String.join(",", voters), clusterId);
        }
        for (ChildProcess member : quorum) {
            member.awaitReady(120);
        }
        bootstrapServers = String.join(",", addresses);
        for (int i = 0; i < members; i++) {
            int index = i;
            supervisor.add("kafka-" + i, "kafka", null, Map.of("bootstrap", addresses.get(i),
                    "data", options.kafkaDir().resolve("broker-" + i).toString()), quorum[i], () -> {
                        quorum[index] = startMember(index, ports[index], String.join(",", voters), clusterId);
                        quorum[index].awaitReady(120);
                        return quorum[index];
                    });
        }
    }

    private ChildProcess startMember(int index, KafkaPorts ports, String voters, String clusterId) {
        Path dir = options.kafkaDir().resolve("broker-" + index);
        List<String> command = List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                EmbeddedKafkaBroker.class.getName(), "--log-dir", dir.resolve("data").toString(),
                "--port", Integer.toString(ports.port()), "--controller-port", Integer.toString(ports.controllerPort()),
                "--node-id", Integer.toString(index + 1), "--voters", voters, "--cluster-id", clusterId);
        return ChildProcess.start("kafka-" + index, command, options.workDir().resolve("logs/kafka-" + index + ".log"),
                "BOOTSTRAP=");
    }

    /** The broker as a process of its own, on the ports its data was first written with. */
    private ChildProcess startBroker(KafkaPorts ports) {
        List<String> command = List.of(javaBinary(), "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                EmbeddedKafkaBroker.class.getName(), "--log-dir", options.kafkaDir().resolve("data").toString(),
                "--port", Integer.toString(ports.port()), "--controller-port", Integer.toString(ports.controllerPort()));
        ChildProcess process = ChildProcess.start("kafka", command, options.workDir().resolve("logs/kafka.log"), "BOOTSTRAP=");
        process.awaitReady(60);
        return process;
    }

    private <T extends AutoCloseable> T track(T service) {
        started.add(service);
        return service;
    }

    /** Where node {@code node}'s scheduler answers {@code GET /health/ready} (the same port across its restarts). */
    public String schedulerHealthUrl(int node) {
        return "http://127.0.0.1:" + healthPorts[node] + "/health/ready";
    }

    /** Starts node {@code node}'s scheduler process (again, after {@link #killScheduler}). */
    public void startScheduler(int node) {
        if (healthPorts[node] == 0) {
            healthPorts[node] = FreePorts.next();
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "-D" + NodeSchedulerConfig.NODE_CONFIG + "=" + node,
                "-D" + NodeSchedulerConfig.NODES_CONFIG + "=" + options.nodes(),
                "-D" + NodeSchedulerConfig.BOOTSTRAP_CONFIG + "=" + bootstrapServers,
                "-D" + NodeSchedulerConfig.TOPIC_PREFIX_CONFIG + "=" + options.topicPrefix(),
                "-D" + NodeSchedulerConfig.REDIS_CONFIG + "=" + redis[node].uri(),
                "-D" + NodeSchedulerConfig.COUCHDB_CONFIG + "=" + couch.url(),
                "-D" + NodeSchedulerConfig.RUNTIME_SCALE_CONFIG + "=" + decimal(options.runtimeScale()),
                "-D" + NodeSchedulerConfig.SIZE_SCALE_CONFIG + "=" + decimal(options.sizeScale()),
                "-D" + NodeSchedulerConfig.SCHEDULING_CONFIG + "=" + options.scheduling().property(),
                "-D" + NodeSchedulerConfig.HEALTH_PORT_CONFIG + "=" + healthPorts[node],
                "-D" + NodeSchedulerConfig.TOPIC_REPLICATION_CONFIG + "=" + options.brokers(),
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
                "-Dorg.slf4j.simpleLogger.log.org.redisson=warn"));
        if (!options.schedulerProperties().containsKey(NodeSchedulerConfig.RUNTIME_CONFIG)) {
            // The embedded cluster runs functions inside its schedulers unless told otherwise: no image to build,
            // no JVM per function. A node scheduler on its own defaults to auto (docker, else process).
            command.add("-D" + NodeSchedulerConfig.RUNTIME_CONFIG + "=embedded");
        }
        options.schedulerProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("io.faasflow.scheduler.NodeSchedulerMain");
        ChildProcess previous = schedulers[node];
        schedulers[node] = ChildProcess.start("node-" + node, command, options.kafkaSecurity().asEnvironment(),
                schedulerLog(node), "NODE_READY " + node);
        if (previous != null) {
            supervisor.replaced("node-" + node, schedulers[node]);
        }
    }

    /** Kills node {@code node}'s scheduler with SIGKILL, as a crash would. */
    public void killScheduler(int node) {
        schedulers[node].kill();
    }

    /** The process id of node {@code node}'s scheduler. */
    public long schedulerPid(int node) {
        return schedulers[node].pid();
    }

    public void awaitScheduler(int node) {
        schedulers[node].awaitReady(120);
    }

    private ChildProcess startIngress() {
        Path jar = options.projectHome().resolve("ingress/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the ingress is not built (" + jar + " is missing): run ./mvnw -DskipTests install");
        }
        List<String> command = List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
                "-Dfaasflow.bootstrap-servers=" + bootstrapServers,
                "-Dfaasflow.nodes=" + options.nodes(),
                "-Dfaasflow.topic-prefix=" + options.topicPrefix(),
                "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dfaasflow.scale-limit=" + options.scaleLimit(),
                "-Dfaasflow.topic-replication-factor=" + options.brokers(),
                // The ingress answers TIMED_OUT for an invocation without a result past the schedulers' time-out.
                "-Dfaasflow.invocation-timeout-seconds=" + options.schedulerProperties().getOrDefault(
                        NodeSchedulerConfig.INVOCATION_TIMEOUT_CONFIG, "900"),
                "-jar", jar.toString());
        Map<String, String> environment = new HashMap<>(options.kafkaSecurity().asEnvironment());
        environment.put("FAASFLOW_API_TOKEN", apiToken);
        ChildProcess process = ChildProcess.start("ingress", command, environment,
                options.workDir().resolve("logs/ingress.log"), "Listening on");
        process.awaitReady(120);
        return process;
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The bearer token the ingress accepts: the options' one, else one generated for this cluster. */
    public String apiToken() {
        return apiToken;
    }

    public String ingressUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String couchUrl() {
        return couch.url();
    }

    public String redisUri(int node) {
        return redis[node].uri();
    }

    /** The pid of a process by its name in {@code cluster.json}: {@code kafka}, {@code couchdb}, {@code redis-K}, {@code node-K}, {@code ingress}. */
    public long pidOf(String name) {
        return supervisor.pidOf(name);
    }

    /** What the supervisor started again, in order. */
    public List<ProcessRestart> restarts() {
        return supervisor.restarts();
    }

    public int nodes() {
        return options.nodes();
    }

    public String topicPrefix() {
        return options.topicPrefix();
    }

    public Path workDir() {
        return options.workDir();
    }

    /** Stops the supervisor first (so nothing starts again), then the ingress, schedulers, stores and broker. */
    @Override
    public void close() {
        supervisor.close();
        List<AutoCloseable> running = new ArrayList<>(started);
        running.add(broker);
        running.addAll(Arrays.asList(quorum));
        running.add(couch);
        running.addAll(Arrays.asList(redis));
        running.addAll(Arrays.asList(schedulers));
        running.add(ingress);
        for (int i = running.size() - 1; i >= 0; i--) {
            AutoCloseable service = running.get(i);
            if (service == null) {
                continue;
            }
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("stopping " + service + " failed: " + e.getMessage());
            }
        }
        started.clear();
    }
}
