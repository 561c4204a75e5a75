package io.faasflow.scheduler.runtime;

import io.faasflow.scheduler.runtime.ServerMessages.ErrorReply;
import io.faasflow.scheduler.runtime.ServerMessages.ForgetRequest;
import io.faasflow.scheduler.runtime.ServerMessages.InitReply;
import io.faasflow.scheduler.runtime.ServerMessages.InitRequest;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Speaks the function server's HTTP contract ({@code /status}, {@code /init}, {@code /run}, {@code /forget})
 * to one container. A broken connection is a {@link ContainerDiedException}, no answer in time a
 * {@link ContainerTimeoutException}, a 4xx answer a {@link ContainerRefusedException}, any other answer but 200
 * a {@link ContainerException}; both carry the server's {@code error}.
 */
final class FunctionServerClient {
    /** For the calls that do no work of the function: status, forget. */
    static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ERROR_CHARS = 2_000;

    private final HttpClient http;
    private final URI base;
    private final Supplier<String> container;

    /**
     * @param base the server's root, e.g. {@code http://127.0.0.1:41234/}
     * @param container describes the container in error messages, at the time of the error
     */
    FunctionServerClient(HttpClient http, URI base, Supplier<String> container) {
        this.http = http;
        this.base = base;
        this.container = container;
    }

    ContainerStatus status() throws InterruptedException {
        return exchange("status", null, CONTROL_TIMEOUT, ContainerStatus.class);
    }

    /**
     * Loads the spec's function in the server ({@code POST /init}) and checks the server took that function.
     *
     * @return the class that implements it, as the server says
     * @throws ContainerException if the server refuses, does not answer, or loaded another function
     */
    String initialise(ContainerSpec spec, Duration timeout) throws InterruptedException {
        InitReply reply = exchange("init", InitRequest.of(spec), timeout, InitReply.class);
        if (reply == null || !spec.function().equals(reply.function())) {
            throw new ContainerException(container.get() + " was initialised with function "
                    + (reply == null ? null : reply.function()) + " instead of " + spec.function());
        }
        return reply.implementation();
    }

    RunReply run(RunCall call, Duration timeout) throws InterruptedException {
        return exchange("run", call, timeout, RunReply.class);
    }

    void forget(String invocation) throws InterruptedException {
        exchange("forget", new ForgetRequest(invocation), CONTROL_TIMEOUT, null);
    }

    /** Sends a GET without a body, a POST with one; reads the answer as {@code type} (null: ignored). */
    private <T> T exchange(String path, Object body, Duration timeout, Class<T> type) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(WireJson.write(body)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ContainerTimeoutException(container.get() + " gave no answer to /" + path + " within "
                    + seconds(timeout), e);
        } catch (IOException e) {
            throw new ContainerDiedException(container.get() + " broke off /" + path + ": " + e, e);
        }
        if (response.statusCode() >= 400 && response.statusCode() < 500) {
            throw new ContainerRefusedException(container.get() + " refused /" + path + " with HTTP "
                    + response.statusCode() + ": " + errorOf(response.body()));
        }
        if (response.statusCode() != 200) {
            throw new ContainerException(container.get() + " answered /" + path + " with HTTP " + response.statusCode()
                    + ": " + errorOf(response.body()));
        }
        if (type == null) {
            return null;
        }
        try {
            return WireJson.read(response.body(), type);
        } catch (IOException | RuntimeException e) {
            throw new ContainerException(container.get() + " answered /" + path + " with a body that is not a "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String errorOf(byte[] body) {
        try {
            ErrorReply reply = WireJson.read(body, ErrorReply.class);
            if (reply != null && reply.error() != null) {
                return reply.error();
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through to the raw text
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "...";
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }
}
