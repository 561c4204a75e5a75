package io.faasflow.storage.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CouchDbStandInTest {

    @Test
    void shouldAnswerRootWhileRunningAndReleasePortWhenClosed(@TempDir Path workDir)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        CouchDbStandIn couch = CouchDbStandIn.start(projectHome(), workDir);
        System.out.printf("pouchdb-server ready in %d ms on port %d%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), couch.port());
        int port = couch.port();
        try (couch; HttpClient client = HttpClient.newHttpClient()) {
            assertEquals("http://127.0.0.1:" + port, couch.url());
            HttpResponse<String> root = client.send(HttpRequest.newBuilder(URI.create(couch.url() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, root.statusCode());
            assertTrue(root.body().contains("\"version\""), root.body());
        }
        assertTrue(RedisServerProcessTest.canBind(port), "port " + port + " still taken after close");
    }

    private static Path projectHome() {
        String home = System.getProperty("maven.multiModuleProjectDirectory");
        return home != null ? Path.of(home) : Path.of("..").toAbsolutePath().normalize();
    }
}
