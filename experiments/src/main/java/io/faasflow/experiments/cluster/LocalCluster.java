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
import java.util.List;
import java.util.Locale;

/**
 * A whole faasflow cluster on loopback: a real KRaft Kafka broker in this JVM (or a Kafka it is given), one
 * {@code redis-server} per node, the CouchDB-compatible server, one node scheduler process per node and the Quarkus ingress
 * process. {@link #close()} stops everything it started, in reverse order.
 */
public final class LocalCluster implements AutoCloseable {
    private final ClusterOptions options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<RedisServerProcess> redis = new ArrayList<>();
    private final ChildProcess[] schedulers;
    private String bootstrapServers;
    private CouchDbStandIn couch;
    private ChildProcess ingress;
    private int httpPort;

    private LocalCluster(ClusterOptions options) {
        this.options = options;
        this.schedulers = new ChildProcess[options.nodes()];
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
        bootstrapServers = options.externalKafka() != null ? options.externalKafka()
                : track(EmbeddedKafkaBroker.start(options.workDir().resolve("kafka"), options.nodes())).bootstrapServers();
        couch = track(options.storeNetwork() == null
                ? CouchDbStandIn.start(options.projectHome(), options.workDir().resolve("couchdb"))
                : CouchDbStandIn.start(options.projectHome(), options.workDir().resolve("couchdb"),
                        options.storeNetwork().commandPrefix(), options.storeNetwork().storeHost()));
        for (int node = 0; node < options.nodes(); node++) {
            redis.add(track(RedisServerProcess.start(options.workDir().resolve("redis-" + node))));
        }
        if (options.externalKafka() == null) {
            try (Admin admin = KafkaClients.admin(bootstrapServers)) {
                TopicBootstrap.ensure(admin, new TopicLayout(options.topicPrefix(), options.nodes()));
            }
        }
        // On a Kafka of its own the schedulers create the topics themselves, as in a deployed cluster.
        for (int node = 0; node < options.nodes(); node++) {
            startScheduler(node);
        }
        for (int node = 0; node < options.nodes(); node++) {
            schedulers[node].awaitReady(120);
        }
        if (options.withIngress()) {
            startIngress();
        }
    }

    private <T extends AutoCloseable> T track(T service) {
        started.add(service);
        return service;
    }

    /** Starts node {@code node}'s scheduler process (again, after {@link #killScheduler}). */
    public void startScheduler(int node) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "-D" + NodeSchedulerConfig.NODE_CONFIG + "=" + node,
                "-D" + NodeSchedulerConfig.NODES_CONFIG + "=" + options.nodes(),
                "-D" + NodeSchedulerConfig.BOOTSTRAP_CONFIG + "=" + bootstrapServers,
                "-D" + NodeSchedulerConfig.TOPIC_PREFIX_CONFIG + "=" + options.topicPrefix(),
                "-D" + NodeSchedulerConfig.REDIS_CONFIG + "=" + redis.get(node).uri(),
                "-D" + NodeSchedulerConfig.COUCHDB_CONFIG + "=" + couch.url(),
                "-D" + NodeSchedulerConfig.RUNTIME_SCALE_CONFIG + "=" + decimal(options.runtimeScale()),
                "-D" + NodeSchedulerConfig.SIZE_SCALE_CONFIG + "=" + decimal(options.sizeScale()),
                "-D" + NodeSchedulerConfig.SCHEDULING_CONFIG + "=" + options.scheduling().property(),
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
                "-Dorg.slf4j.simpleLogger.log.org.redisson=warn"));
        if (!options.schedulerProperties().containsKey(NodeSchedulerConfig.RUNTIME_CONFIG)) {
            // The embedded cluster runs functions inside its schedulers unless told otherwise: no image to build,
            // no JVM per function. A node scheduler on its own defaults to auto (docker, else process).
            command.add("-D" + NodeSchedulerConfig.RUNTIME_CONFIG + "=embedded");
        }
        options.schedulerProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("io.faasflow.scheduler.NodeSchedulerMain");
        ChildProcess process = ChildProcess.start("node-" + node, command,
                options.workDir().resolve("logs/node-" + node + ".log"), "NODE_READY " + node);
        schedulers[node] = process;
        started.add(process);
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

    private void startIngress() {
        Path jar = options.projectHome().resolve("ingress/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the ingress is not built (" + jar + " is missing): run ./mvnw -DskipTests install");
        }
        httpPort = options.httpPort() == 0 ? FreePorts.next() : options.httpPort();
        List<String> command = List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
                "-Dfaasflow.bootstrap-servers=" + bootstrapServers,
                "-Dfaasflow.nodes=" + options.nodes(),
                "-Dfaasflow.topic-prefix=" + options.topicPrefix(),
                "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dfaasflow.scale-limit=" + options.scaleLimit(),
                "-jar", jar.toString());
        ingress = ChildProcess.start("ingress", command, options.workDir().resolve("logs/ingress.log"), "Listening on");
        started.add(ingress);
        ingress.awaitReady(120);
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

    public String ingressUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String couchUrl() {
        return couch.url();
    }

    public String redisUri(int node) {
        return redis.get(node).uri();
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

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping " + started.get(i) + " failed: " + e.getMessage());
            }
        }
        started.clear();
    }
}
