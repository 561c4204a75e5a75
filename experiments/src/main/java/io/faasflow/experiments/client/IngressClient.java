package io.faasflow.experiments.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small client of the ingress HTTP API. Thread-safe. */
public final class IngressClient {
    private final String baseUrl;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A client of the ingress at {@code baseUrl} that sends {@code apiToken} as its bearer token. */
    public IngressClient(String baseUrl, String apiToken) {
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + java.util.Objects.requireNonNull(apiToken, "apiToken");
    }

    /** Deploys flat YAML under {@code name}; returns the plan response. Throws {@link IngressException} on 4xx/5xx. */
    public JsonNode deploy(String name, String yaml, boolean synthetic) {
        return deploy(name, yaml, synthetic, null);
    }

    /** Deploys with a named placement ({@code grouping}, {@code raw}, {@code contiguous}, {@code hash}); null = default. */
    public JsonNode deploy(String name, String yaml, boolean synthetic, String placement) {
        return deploy(name, yaml, synthetic, placement, null);
    }

    /**
     * Deploys with a named placement (null = default) and a container limit per pool and node (the workflow's
     * {@code max_containers}; null = the nodes' default).
     */
    public JsonNode deploy(String name, String yaml, boolean synthetic, String placement, Integer maxContainers) {
        String query = "?synthetic=" + synthetic + (placement == null ? "" : "&placement=" + encode(placement))
                + (maxContainers == null ? "" : "&max_containers=" + maxContainers);
        return send(HttpRequest.newBuilder(uri("/workflows/" + encode(name) + query))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)), 201);
    }

    /** Re-partitions a deployed workflow from its observed output sizes; returns the new deployment. */
    public JsonNode replan(String name) {
        return send(HttpRequest.newBuilder(uri("/workflows/" + encode(name) + "/replan"))
                .POST(HttpRequest.BodyPublishers.noBody()), 201);
    }

    /** Starts an invocation; returns its id. */
    public String invoke(String name, String inputJson) {
        return send(HttpRequest.newBuilder(uri("/workflows/" + encode(name) + "/invocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(inputJson)), 202).get("id").asText();
    }

    public JsonNode status(String id) {
        return send(HttpRequest.newBuilder(uri("/invocations/" + encode(id))).GET(), 200);
    }

    /** {@code GET /workflows}: the latest deployment of each workflow. */
    public JsonNode listWorkflows() {
        return send(HttpRequest.newBuilder(uri("/workflows")).GET(), 200);
    }

    /** Deletes a deployed workflow: new invocations of it are refused, running ones finish. */
    public JsonNode deleteWorkflow(String name) {
        return send(HttpRequest.newBuilder(uri("/workflows/" + encode(name))).DELETE(), 200);
    }

    /** Asks to cancel a running invocation; returns the ingress's answer (status still RUNNING). */
    public JsonNode cancel(String id) {
        return send(HttpRequest.newBuilder(uri("/invocations/" + encode(id))).DELETE(), 202);
    }

    /** Polls the status until it is no longer RUNNING. */
    public JsonNode awaitFinished(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode status = status(id);
            if (!"RUNNING".equals(status.path("status").asText())) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("invocation " + id + " still RUNNING after " + timeout + ": " + status);
            }
            Thread.sleep(20);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30))
                            .header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IngressException(response.statusCode(), response.body());
            }
            return WireJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("ingress at " + baseUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The ingress answered with an unexpected status. */
    public static final class IngressException extends RuntimeException {
        private final int status;
        private final String body;

        public IngressException(int status, String body) {
            super("ingress answered " + status + ": " + body);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }
}
