package io.faasflow.scheduler.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client side of the function server's contract, against a stand-in server that records what it got. */
class FunctionServerClientTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Map<String, Object>> received = new ConcurrentHashMap<>();
    private HttpServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.stop(0);
        }
        http.close();
    }

    private FunctionServerClient serve(String path, int status, String body) throws IOException {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.start();
        }
        server.createContext(path, exchange -> answer(exchange, path, status, body));
        return new FunctionServerClient(http, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                () -> "test container");
    }

    private void answer(HttpExchange exchange, String path, int status, String body) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        if (request.length > 0) {
            received.put(path, WireJson.mapper().readValue(request, new TypeReference<Map<String, Object>>() { }));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void shouldSpeakTheContract() throws Exception {
        serve("/status", 200, "{\"state\":\"ready\",\"function\":null,\"runs\":0}");
        serve("/init", 200, "{\"function\":\"f\",\"implementation\":\"SyntheticFunction\"}");
        serve("/run", 200, "{\"startMicros\":5,\"endMicros\":9,\"errorType\":null,\"errorMessage\":null,"
                + "\"outputBytes\":{\"out\":12},\"keyCounts\":{\"keys\":3}}");
        FunctionServerClient client = serve("/forget", 200, "{}");

        assertEquals(new ContainerStatus("ready", null, 0), client.status());
        assertEquals("SyntheticFunction", client.initialise(Specs.spec("f"), Duration.ofSeconds(5)));
        RunReply reply = client.run(new RunCall("inv", 2, 1, Map.of("split", 4), "g"), Duration.ofSeconds(5));
        assertEquals(new RunReply(5, 9, null, null, Map.of("out", 12L), Map.of("keys", 3)), reply);
        client.forget("inv");

        Map<String, Object> sentInit = received.get("/init");
        assertEquals("f", sentInit.get("function"));
        assertEquals(Map.of("redisUri", "redis://127.0.0.1:6379", "couchUrl", "http://127.0.0.1:5984",
                "couchDatabase", "faasflow-data", "dataTtlSeconds", 3600), sentInit.get("storage"));
        assertEquals("wf", ((Map<?, ?>) sentInit.get("deployment")).get("name"));
        assertEquals(1.0, sentInit.get("runtimeScale"));
        assertEquals(1.0, sentInit.get("sizeScale"));
        assertEquals(Map.of("invocation", "inv", "element", 2, "attempt", 1, "elementCounts", Map.of("split", 4),
                "function", "g"), received.get("/run"));
        assertEquals(Map.of("invocation", "inv"), received.get("/forget"));
    }

    @Test
    void shouldReadTheDataTimesOfARunAndZeroFromAServerWithout() throws Exception {
        FunctionServerClient client = serve("/run", 200, "{\"startMicros\":5,\"endMicros\":9,\"outputBytes\":{},"
                + "\"keyCounts\":{},\"putNanos\":1500,\"fetchNanos\":2500}");
        RunReply reply = client.run(new RunCall("inv", -1, 1, Map.of()), Duration.ofSeconds(5));
        assertEquals(1_500, reply.putNanos());
        assertEquals(2_500, reply.fetchNanos());
        assertEquals(0, WireJson.read("{\"startMicros\":5}".getBytes(StandardCharsets.UTF_8), RunReply.class).putNanos());
    }

    @Test
    void shouldCarryTheServersErrorOnARefusal() throws Exception {
        FunctionServerClient client = serve("/init", 409, "{\"error\":\"already serves function g\"}");
        ContainerRefusedException e = assertThrows(ContainerRefusedException.class,
                () -> client.initialise(Specs.spec("f"), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("HTTP 409: already serves function g"), e.getMessage());
    }

    @Test
    void shouldTellAServerFailureFromARefusal() throws Exception {
        FunctionServerClient client = serve("/run", 500, "{\"error\":\"out of memory\"}");
        ContainerException e = assertThrows(ContainerException.class,
                () -> client.run(new RunCall("inv", -1, 1, Map.of()), Duration.ofSeconds(5)));
        assertFalse(e instanceof ContainerRefusedException, e.toString());
        assertTrue(e.getMessage().contains("HTTP 500: out of memory"), e.getMessage());
    }

    @Test
    void shouldRefuseAnotherFunctionThanAsked() throws Exception {
        FunctionServerClient client = serve("/init", 200, "{\"function\":\"g\",\"implementation\":\"X\"}");
        ContainerException e = assertThrows(ContainerException.class,
                () -> client.initialise(Specs.spec("f"), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("initialised with function g instead of f"), e.getMessage());
    }

    @Test
    void shouldCallABrokenConnectionADeath() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket accepted = socket.accept()) {
                    accepted.getInputStream().read(); // takes the request's first byte, then hangs up
                } catch (IOException ignored) {
                    // the test ends either way
                }
            });
            FunctionServerClient client = new FunctionServerClient(http,
                    URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/"), () -> "test container");
            ContainerDiedException e = assertThrows(ContainerDiedException.class,
                    () -> client.run(RunCall.single("inv"), Duration.ofSeconds(5)));
            assertTrue(e.getMessage().startsWith("test container broke off /run"), e.getMessage());
        }
    }

    @Test
    void shouldCallASilentServerATimeout() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/run", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException ignored) {
                // the server stops
            }
            exchange.close();
        });
        server.start();
        FunctionServerClient client = new FunctionServerClient(http,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), () -> "test container");
        ContainerDiedException e = assertThrows(ContainerDiedException.class,
                () -> client.run(RunCall.single("inv"), Duration.ofMillis(100)));
        assertInstanceOf(ContainerTimeoutException.class, e);
        assertNull(received.get("/run"));
    }
}
