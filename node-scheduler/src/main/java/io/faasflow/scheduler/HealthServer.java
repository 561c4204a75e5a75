package io.faasflow.scheduler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's health endpoint ({@code faasflow.health-port}): {@code GET /health/live} answers 200 while the
 * process serves at all, {@code GET /health/ready} 200 while it consumes its partitions and its loop turns, else
 * 503 with the reason. JSON bodies; no other path, no other method. Serves on one virtual thread per request.
 *
 * <p>When the port is taken (an earlier scheduler of the node that has not exited yet, e.g. one being fenced off),
 * it keeps trying in the background and serves as soon as the port is free; until then the node is not healthy
 * from outside, which is the truth.
 */
final class HealthServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);
    private static final long RETRY_MILLIS = 500;

    private final InetSocketAddress address;
    private final SchedulerHealth health;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile HttpServer server;
    private volatile boolean closed;

    private HealthServer(InetSocketAddress address, SchedulerHealth health) {
        this.address = address;
        this.health = health;
    }

    /** Starts serving {@code health} on {@code host:port}; null when {@code port} is null (no endpoint). */
    static HealthServer start(String host, Integer port, SchedulerHealth health) {
        if (port == null) {
            return null;
        }
        HealthServer endpoint = new HealthServer(new InetSocketAddress(host, port), health);
        try {
            endpoint.bind();
        } catch (BindException e) {
            LOG.warn("health port {} is taken; serving health as soon as it is free", address(endpoint.address));
            Thread.ofPlatform().daemon().name("health-bind").start(endpoint::bindWhenFree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve health on " + address(endpoint.address)
                    + " (faasflow.health-port): " + e.getMessage(), e);
        }
        return endpoint;
    }

    private synchronized void bind() throws IOException {
        if (closed) {
            return;
        }
        HttpServer created = HttpServer.create(address, 16);
        created.createContext("/health/", exchange -> answer(exchange, health));
        created.setExecutor(executor);
        created.start();
        server = created;
    }

    private void bindWhenFree() {
        while (!closed && server == null) {
            try {
                Thread.sleep(RETRY_MILLIS);
                bind();
                LOG.info("serving health on {}", address(address));
            } catch (BindException e) {
                // Still taken.
            } catch (IOException e) {
                LOG.error("cannot serve health on {}: {}", address(address), e.toString());
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The bound port; -1 while it waits for the port. */
    int port() {
        HttpServer bound = server;
        return bound == null ? -1 : bound.getAddress().getPort();
    }

    private static String address(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
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
    public synchronized void close() {
        closed = true;
        HttpServer bound = server;
        if (bound != null) {
            bound.stop(0);
        }
        executor.shutdownNow();
    }
}
