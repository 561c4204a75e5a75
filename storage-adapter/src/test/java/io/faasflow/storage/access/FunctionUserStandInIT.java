package io.faasflow.storage.access;

import io.faasflow.storage.local.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * The function user against the compose cluster's CouchDB stand-in front ({@code compose/images/couchdb/stand-in/
 * server.js}) run with the machine's node and the project's pouchdb-server, without a Docker engine.
 */
@Timeout(120)
class FunctionUserStandInIT extends FunctionUserContract {
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final String PASSWORD = "stand-in-admin-secret";
    private static Process front;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        port = FreePorts.next();
        Path data = Files.createTempDirectory(Path.of("target"), "couch-front-");
        ProcessBuilder builder = new ProcessBuilder(List.of("node",
                HOME.resolve("compose/images/couchdb/stand-in/server.js").toString()))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("front.log").toFile());
        builder.environment().putAll(java.util.Map.of(
                "COUCHDB_PORT", Integer.toString(port),
                "COUCHDB_BACKEND_PORT", Integer.toString(FreePorts.next()),
                "COUCHDB_DATA_DIR", data.toString(),
                "POUCHDB_SERVER_BIN", HOME.resolve("tools/couchdb/node_modules/pouchdb-server/bin/pouchdb-server").toString(),
                "COUCHDB_USER", "admin",
                "COUCHDB_PASSWORD", PASSWORD));
        front = builder.start();
        awaitUp(Duration.ofSeconds(60), data.resolve("front.log"));
    }

    private static void awaitUp(Duration timeout, Path log) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (!front.isAlive()) {
                    throw new IllegalStateException("the stand-in front exited: " + Files.readString(log));
                }
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_up")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the stand-in front did not answer /_up: " + Files.readString(log));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (front != null) {
            front.descendants().forEach(ProcessHandle::destroy);
            front.destroy();
            front.waitFor();
        }
    }

    @Override
    protected String adminUrl() {
        return "http://admin:" + PASSWORD + "@127.0.0.1:" + port;
    }
}
