package io.faasflow.functions.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Calls a function server over real HTTP, as the node's pool does; for tests. */
final class ServerCalls {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final URI base;

    ServerCalls(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** A status and the JSON body of an answer. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return WireJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        <T> T as(Class<T> type) {
            try {
                return WireJson.read(body.getBytes(StandardCharsets.UTF_8), type);
            } catch (IOException e) {
                throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + body, e);
            }
        }

        String error() {
            return json().path("error").asText();
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    Answer post(String path, Object body) {
        return postText(path, new String(WireJson.write(body), StandardCharsets.UTF_8));
    }

    Answer postText(String path, String body) {
        return send(postRequest(path, body));
    }

    CompletableFuture<Answer> postAsync(String path, Object body) {
        return CLIENT.sendAsync(postRequest(path, new String(WireJson.write(body), StandardCharsets.UTF_8)),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Answer(response.statusCode(), response.body()));
    }

    private HttpRequest postRequest(String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
