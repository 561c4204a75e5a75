package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.faasflow.storage.containers.CommandLine;
import io.faasflow.storage.local.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster of compose/docker-compose.yml, brought up with the compose tool (Debian's docker-compose) under a
 * project and network of its own, on free host ports, so that it runs beside anything else on the engine.
 * {@link #close()} saves the services' logs under target/ and takes everything down again.
 */
final class ComposeCluster implements AutoCloseable {
    static final String COUCHDB_USER = "admin";
    static final String COUCHDB_PASSWORD = "compose-it";
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);

    private final Path home;
    private final String project;
    private final List<String> files;
    private final Map<String, String> environment;
    private final int kafkaPort;
    private final int httpPort;
    private final int couchPort;
    private final int nodes;

    private ComposeCluster(Path home, String project, List<String> files, Map<String, String> environment,
            int kafkaPort, int httpPort, int couchPort, int nodes) {
        this.home = home;
        this.project = project;
        this.files = files;
        this.environment = environment;
        this.kafkaPort = kafkaPort;
        this.httpPort = httpPort;
        this.couchPort = couchPort;
        this.nodes = nodes;
    }

    /**
     * Brings the cluster up and waits until its ingress answers ready (it starts last, once every scheduler is).
     *
     * @param localImages whether to use compose/local-images.env (the stand-ins) instead of the official images
     * @param settings further variables of the compose file (e.g. FAASFLOW_DATA_KEEP_SECONDS)
     */
    static ComposeCluster up(Path home, boolean localImages, Map<String, String> settings)
            throws IOException, InterruptedException {
        String project = "faasflow-it-" + Long.toHexString(System.nanoTime());
        Map<String, String> environment = new HashMap<>(settings);
        int kafkaPort = FreePorts.next();
        int httpPort = FreePorts.next();
        int couchPort = FreePorts.next();
        environment.put("FAASFLOW_NETWORK", project);
        environment.put("FAASFLOW_KAFKA_PORT", Integer.toString(kafkaPort));
        environment.put("FAASFLOW_HTTP_PORT", Integer.toString(httpPort));
        environment.put("FAASFLOW_COUCHDB_PORT", Integer.toString(couchPort));
        environment.put("FAASFLOW_API_TOKEN", io.faasflow.experiments.cluster.ApiTokens.generate());
        environment.put("COUCHDB_USER", COUCHDB_USER);
        environment.put("COUCHDB_PASSWORD", COUCHDB_PASSWORD);
        List<String> files = new ArrayList<>();
        if (localImages) {
            files.addAll(List.of("--env-file", home.resolve("compose/local-images.env").toString()));
        }
        files.addAll(List.of("-f", home.resolve("compose/docker-compose.yml").toString()));
        ComposeCluster cluster = new ComposeCluster(home, project, files, environment, kafkaPort, httpPort, couchPort,
                Integer.parseInt(environment.getOrDefault("FAASFLOW_NODES", "3")));
        long started = System.nanoTime();
        try {
            cluster.compose(UP_TIMEOUT, "up", "-d");
            cluster.awaitIngressReady(Duration.ofMinutes(2));
        } catch (IOException | RuntimeException | InterruptedException e) {
            try {
                cluster.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        System.err.printf("compose cluster %s up in %.1f s%n", project, (System.nanoTime() - started) / 1e9);
        return cluster;
    }

    /**
     * Checks the compose tool is installed: without it the test is skipped with a message, or fails when
     * {@code FAASFLOW_REQUIRE_DOCKER=1} (as {@code .ci/run} sets).
     */
    static void requireComposeTool() throws InterruptedException {
        String version;
        try {
            version = CommandLine.run(List.of("docker-compose", "version", "--short"), Map.of(), Duration.ofSeconds(30)).trim();
        } catch (IOException | IllegalStateException e) {
            version = null;
        }
        String message = "no docker-compose command (tools/install-prerequisites.sh --with-docker installs Debian's)";
        if (version == null && "1".equals(System.getenv("FAASFLOW_REQUIRE_DOCKER"))) {
            fail(message + ", and FAASFLOW_REQUIRE_DOCKER=1 asks for the compose test to run");
        }
        if (version == null) {
            System.err.println("SKIPPED ComposeClusterIT: " + message);
        }
        assumeTrue(version != null, message);
    }

    String project() {
        return project;
    }

    int nodes() {
        return nodes;
    }

    String ingressUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The bearer token the ingress accepts (FAASFLOW_API_TOKEN of the compose file). */
    String apiToken() {
        return environment.get("FAASFLOW_API_TOKEN");
    }

    /** Kafka's address for clients on this host (the EXTERNAL listener). */
    String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    String couchUrl() {
        return "http://" + COUCHDB_USER + ":" + COUCHDB_PASSWORD + "@127.0.0.1:" + couchPort;
    }

    /** The Redis of {@code node}, on the loopback port the engine published it on. */
    String redisUri(int node) {
        try {
            String address = compose(Duration.ofSeconds(30), "port", "redis-" + node, "6379").trim();
            return "redis://127.0.0.1:" + address.substring(address.lastIndexOf(':') + 1);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot find the port of redis-" + node + " in " + project, e);
        }
    }

    private void awaitIngressReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingressUrl() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                    last = response.statusCode() + " " + response.body();
                } catch (IOException e) {
                    last = e.toString();
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the ingress of " + project + " was not ready within " + timeout.toSeconds() + " s: " + last);
    }

    /** Runs docker-compose with this cluster's project, files and variables; returns its output. */
    String compose(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-p", project));
        command.addAll(files);
        command.addAll(List.of(arguments));
        return CommandLine.run(command, environment, timeout);
    }

    /** Runs the docker command line; returns its output, trimmed. */
    static String docker(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        return CommandLine.run(command, Map.of(), Duration.ofSeconds(30)).trim();
    }

    /** Saves the services' logs in target/compose-logs/, then takes the cluster down with its volumes. */
    @Override
    public void close() {
        try {
            Path logs = home.resolve("experiments/target/compose-logs");
            Files.createDirectories(logs);
            Files.writeString(logs.resolve(project + ".log"), compose(Duration.ofMinutes(1), "logs", "--no-color"));
        } catch (IOException | RuntimeException | InterruptedException e) {
            System.err.println("could not save the logs of " + project + ": " + e);
        }
        try {
            long started = System.nanoTime();
            compose(Duration.ofMinutes(3), "down", "--volumes", "--remove-orphans", "--timeout", "30");
            System.err.printf("compose cluster %s down in %.1f s%n", project, (System.nanoTime() - started) / 1e9);
        } catch (IOException | RuntimeException | InterruptedException e) {
            throw new IllegalStateException("docker-compose down of " + project + " failed", e);
        }
    }
}
