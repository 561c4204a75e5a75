package io.faasflow.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HealthServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersReadyOnlyWhileTheSchedulerConsumesAndItsLoopTurns() throws Exception {
        SchedulerHealth health = new SchedulerHealth(2);
        try (HealthServer server = HealthServer.start("127.0.0.1", 0, health)) {
            HttpResponse<String> starting = get(server, "/health/ready");
            assertEquals(503, starting.statusCode());
            assertTrue(starting.body().contains("\"reason\":\"starting"), starting.body());
            assertEquals(200, get(server, "/health/live").statusCode());

            health.consuming();
            HttpResponse<String> ready = get(server, "/health/ready");
            assertEquals(200, ready.statusCode());
            assertTrue(ready.body().startsWith("{\"status\":\"UP\",\"node\":2,"), ready.body());

            health.stopped();
            assertEquals(503, get(server, "/health/ready").statusCode());
            assertEquals(404, get(server, "/health/other").statusCode());
            assertEquals(405, http.send(HttpRequest.newBuilder(uri(server, "/health/ready"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void servesOnceAnEarlierHolderOfThePortLetsGo() throws Exception {
        SchedulerHealth health = new SchedulerHealth(1);
        health.consuming();
        try (java.net.ServerSocket holder = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = holder.getLocalPort();
            try (HealthServer server = HealthServer.start("127.0.0.1", port, health)) {
                assertEquals(-1, server.port());
                holder.close();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (server.port() != port && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(port, server.port());
                assertEquals(200, get(server, "/health/ready").statusCode());
            }
        }
    }

    @Test
    void servesNothingWithoutAPort() {
        assertNull(HealthServer.start("127.0.0.1", null, new SchedulerHealth(0)));
    }

    private HttpResponse<String> get(HealthServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(server, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(HealthServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
