package io.faasflow.scheduler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The scheduler's health endpoint ({@code faasflow.health-port}): {@code GET /health/live} answers 200 while the
 * process serves at all, {@code GET /health/ready} 200 while it consumes its partitions and its loop turns, else
 * 503 with the reason. JSON bodies; no other path, no other method. Serves on one virtual thread per request.
 */
final class HealthServer implements AutoCloseable {
    private final HttpServer server;

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving {@code health} on {@code host:port}; null when {@code port} is null (no endpoint). */
    static HealthServer start(String host, Integer port, SchedulerHealth health) {
        if (port == null) {
            return null;
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
            server.createContext("/health/", exchange -> answer(exchange, health));
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return new HealthServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve health on " + host + ":" + port
                    + " (faasflow.health-port): " + e.getMessage(), e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, SchedulerHealth health) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int status;
            String body;
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                status = 405;
                body = "{\"status\":\"METHOD_NOT_ALLOWED\",\"reason\":\"only GET\"}";
            } else if (path.equals("/health/live")) {
                status = 200;
                body = health.json("UP", null);
            } else if (path.equals("/health/ready") || path.equals("/health/")) {
                String reason = health.notReadyBecause();
                status = reason == null ? 200 : 503;
                body = health.json(reason == null ? "UP" : "DOWN", reason);
            } else {
                status = 404;
                body = "{\"status\":\"NOT_FOUND\",\"reason\":\"/health/live or /health/ready\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
