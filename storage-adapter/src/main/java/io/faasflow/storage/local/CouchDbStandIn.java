package io.faasflow.storage.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A CouchDB-compatible HTTP server for tests and the embedded cluster: npm {@code pouchdb-server} 4.2.0, in memory,
 * on a free loopback port, or on a given address behind a command prefix such as {@code ip netns exec <ns>}.
 *
 * <p>The package lives in {@code <projectHome>/tools/couchdb}; when its {@code node_modules} is missing,
 * {@link #start(Path, Path)} first runs {@code npm ci --ignore-scripts}. The server runs in
 * {@code <workDir>/pouchdb-<port>}, where it writes its {@code config.json} and {@code log.txt}; its console output
 * goes to {@code <workDir>/pouchdb-<port>.log}. It is a stand-in: deployments use the official CouchDB.
 *
 * <p>{@code try (CouchDbStandIn couch = CouchDbStandIn.start(home, dir)) { connect(couch.url()); }}
 */
public final class CouchDbStandIn implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private static final String LOOPBACK = "127.0.0.1";

    private final Process process;
    private final String host;
    private final int port;

    private CouchDbStandIn(Process process, String host, int port) {
        this.process = process;
        this.host = host;
        this.port = port;
    }

    /**
     * Installs {@code pouchdb-server} if needed, starts it in memory and waits until {@code GET /} answers.
     *
     * @param projectHome the faasflow checkout, holding {@code tools/couchdb/package-lock.json}; never null
     * @param workDir folder for logs and the server's own files; created if missing; never null
     * @return the running server, never null
     * @throws IllegalStateException if npm or the server fails, or the server does not answer within 30 s
     */
    public static CouchDbStandIn start(Path projectHome, Path workDir) {
        return start(projectHome, workDir, List.of(), LOOPBACK);
    }

    /**
     * Like {@link #start(Path, Path)}, but runs the server as {@code commandPrefix + [pouchdb-server ...]} and binds
     * it to {@code host}; {@link #url()} then uses that host.
     *
     * <p>The prefix must exec the server rather than fork it (as {@code ip netns exec <ns>} does), or at least keep
     * it as a descendant, so that {@link #close()} stops it. The port is picked as free on this host's loopback.
     *
     * @param projectHome the faasflow checkout, holding {@code tools/couchdb/package-lock.json}; never null
     * @param workDir folder for logs and the server's own files; created if missing; never null
     * @param commandPrefix words put before the server's command line, e.g. {@code [ip, netns, exec, ff-1]};
     *     empty for none; never null
     * @param host the address the server listens on, reachable from this process; never null
     * @return the running server, never null
     * @throws IllegalArgumentException if {@code host} is blank
     * @throws IllegalStateException if npm or the server fails, or the server does not answer within 30 s
     */
    public static CouchDbStandIn start(Path projectHome, Path workDir, List<String> commandPrefix, String host) {
        return start(projectHome, workDir, commandPrefix, host, FreePorts.next());
    }

    /** Like {@link #start(Path, Path, List, String)} on a given port: a restart keeps its clients' address (not its data). */
    public static CouchDbStandIn start(Path projectHome, Path workDir, List<String> commandPrefix, String host, int port) {
        List<String> prefix = List.copyOf(commandPrefix);
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        Path packageDir = projectHome.resolve("tools/couchdb").toAbsolutePath().normalize();
        Path binary = packageDir.resolve("node_modules/.bin/pouchdb-server");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(binary.toString(),
                "--host", host, "--port", Integer.toString(port), "--in-memory", "--no-color"));
        try {
            Files.createDirectories(workDir);
            if (!Files.isExecutable(binary)) {
                npmCi(packageDir, workDir.resolve("npm-ci.log"));
            }
            Path home = Files.createDirectories(workDir.resolve("pouchdb-" + port));
            Path log = workDir.resolve("pouchdb-" + port + ".log");
            Process process = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            CouchDbStandIn server = new CouchDbStandIn(process, host, port);
            server.awaitRoot(log);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + String.join(" ", command), e);
        }
    }

    /**
     * Returns the server's base address, {@code http://<host>:<port>} ({@code 127.0.0.1} unless started with another
     * host), without a trailing slash.
     */
    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Returns the TCP port the server listens on, on its host. */
    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Whether the server process still runs (a crash or kill ends it). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server and every process it spawned; returns once they exited. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
            for (ProcessHandle child : descendants) {
                awaitExit(child);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitExit(ProcessHandle child) throws InterruptedException {
        try {
            child.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            child.destroyForcibly();
        }
    }

    private static void npmCi(Path packageDir, Path log) throws IOException {
        if (!Files.exists(packageDir.resolve("package-lock.json"))) {
            throw new IllegalStateException("No package-lock.json in " + packageDir
                    + ": is the project home right? Run tools/install-prerequisites.sh");
        }
        Process npm = new ProcessBuilder(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"))
                .directory(packageDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!npm.waitFor(NPM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci in " + packageDir + " took over " + NPM_TIMEOUT + "\n"
                        + RedisServerProcess.logTail(log));
            }
        } catch (InterruptedException e) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during npm ci in " + packageDir, e);
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + packageDir + " failed with code " + npm.exitValue()
                    + "\n" + RedisServerProcess.logTail(log));
        }
    }

    private void awaitRoot(Path log) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("pouchdb-server on port " + port + " exited with code "
                            + process.exitValue() + "\n" + RedisServerProcess.logTail(log));
                }
                if (rootAnswers(client, request)) {
                    return;
                }
                RedisServerProcess.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("pouchdb-server on port " + port + " did not answer GET / within "
                + READY_TIMEOUT.toSeconds() + " s\n" + RedisServerProcess.logTail(log));
    }

    private static boolean rootAnswers(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().strip().startsWith("{");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for pouchdb-server", e);
        }
    }
}
