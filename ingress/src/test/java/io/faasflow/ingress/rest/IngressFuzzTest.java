package io.faasflow.ingress.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.ingress.KafkaBrokerResource;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.wire.WireJson;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Malformed requests of every class that once answered 5xx or was wrongly accepted, and seeded random ones around
 * them, against the ingress on a real Kafka broker. No answer is a 5xx, none takes long, none is out of proportion
 * to its request, every 400 and 413 names the field or limit at fault, and the known-bad classes are all refused.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestProfile(IngressFuzzTest.OwnCluster.class)
@Timeout(600)
class IngressFuzzTest {
    private static final int RANDOM_REQUESTS = 2_000;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);
    private static final String WORDCOUNT = BenchmarkWorkflows.yaml("wordcount");

    /** Its own broker and topics: what the fuzzer deploys must not take capacity other test classes need. */
    public static class OwnCluster implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("faasflow.results-cache-size", "1000");
        }
    }

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Integer> statuses = new TreeMap<>();

    private static final String VALID = "Bearer " + KafkaBrokerResource.API_TOKEN;

    private record Request(String label, String method, String path, String contentType, byte[] body, boolean mustRefuse,
            String authorization) {
        Request(String label, String method, String path, String contentType, byte[] body, boolean mustRefuse) {
            this(label, method, path, contentType, body, mustRefuse, VALID);
        }
    }

    @Test
    void noRequestGetsA5xxAndEveryRefusalNamesItsCause() throws Exception {
        Request deploy = new Request("deploy", "POST", "/workflows/fz?synthetic=true", "application/yaml", utf8(WORDCOUNT), false);
        assertEquals(201, send(deploy).statusCode());
        List<Request> requests = new ArrayList<>(knownBad());
        Random random = new Random(20261202L);
        for (int i = 0; i < RANDOM_REQUESTS; i++) {
            requests.add(randomRequest(random));
        }
        for (Request request : requests) {
            check(request, send(request));
        }
        System.out.println("IngressFuzzTest: " + requests.size() + " requests, answers by label and status " + statuses);
        assertTrue(requests.size() >= 2_000, "requests sent: " + requests.size());
    }

    private List<Request> knownBad() {
        List<Request> bad = new ArrayList<>();
        String invoke = "/workflows/fz/invocations";
        for (String body : List.of("{}{}", "{\"a\":1}}", "{\"a\":1,\"a\":2}", "[1]", "\"text\"", "{'a':1}", "{\"a\":",
                "{\"a\":" + "[".repeat(1001) + "]".repeat(1001) + "}", "{\"a\":" + "[".repeat(65) + "]".repeat(65) + "}",
                "{\"a\":" + "7".repeat(1001) + "}", "{\"" + "k".repeat(50_001) + "\":1}",
                "{\"a\":\"" + "x".repeat(1_100_000) + "\"}", wide(60_000))) {
            bad.add(new Request("invoke-bad", "POST", invoke, "application/json", utf8(body), true));
        }
        bad.add(new Request("invoke-utf8", "POST", invoke, "application/json",
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, true));
        for (String name : List.of("a%20b", "a%22b", "%27", "a%2Fb", "%00", "a@b", "-x", "%E2%98%83", "x".repeat(300))) {
            bad.add(new Request("deploy-name", "POST", "/workflows/" + name + "?synthetic=true", "application/yaml",
                    utf8(WORDCOUNT), true));
        }
        String typo = WORDCOUNT.replaceFirst("nodes:", "node:");
        bad.add(new Request("deploy-typo", "POST", "/workflows/fz?synthetic=true", "application/yaml", utf8(typo), true));
        for (String name : List.of("INPUT", "''", "a/b", "a@b", "\"a\\0b\"", "\"a\\nb\"")) {
            String yaml = "functions:\n- name: " + name + "\n  source: s\n";
            bad.add(new Request("deploy-fname", "POST", "/workflows/fz?synthetic=true", "application/yaml", utf8(yaml), true));
        }
        bad.add(new Request("deploy-bomb", "POST", "/workflows/fz?synthetic=true", "application/yaml", utf8(aliasBomb(7)), true));
        bad.add(new Request("deploy-bomb", "POST", "/workflows/fz?synthetic=true", "application/yaml", utf8(aliasBomb(9)), true));
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                ";;", "application/json")) {
            String label = type.equals("application/json") ? "deploy-type" : "invoke-type";
            String path = type.equals("application/json") ? "/workflows/fz?synthetic=true" : invoke;
            bad.add(new Request(label, "POST", path, type, utf8(type.equals("application/json") ? WORDCOUNT : "{}"), true));
        }
        for (String authorization : new String[] {null, "", "Bearer", "Bearer ", "Bearer wrong-token-0123456789",
                "Basic dXNlcjpwYXNz", "bearer" + KafkaBrokerResource.API_TOKEN, VALID + "x", "x".repeat(10_000)}) {
            bad.add(new Request("no-token", "POST", invoke, "application/json", utf8("{}"), true, authorization));
            bad.add(new Request("no-token", "GET", "/workflows/fz", null, null, true, authorization));
        }
        for (String query : List.of("synthetic=maybe", "synthetic=true&max_containers=abc", "synthetic=true&max_containers=0",
                "synthetic=true&max_containers=99999999999", "synthetic=true&placement=%00")) {
            bad.add(new Request("deploy-query", "POST", "/workflows/fz?" + query, "application/yaml", utf8(WORDCOUNT), true));
        }
        return bad;
    }

    private Request randomRequest(Random random) {
        List<Supplier<Request>> kinds = List.of(
                () -> new Request("invoke-mutated", "POST", "/workflows/fz/invocations", contentType(random),
                        utf8(mutate("{\"files\": 4, \"text\": \"abc\", \"list\": [1, 2.5, null, {\"k\": true}]}", random)), false),
                () -> new Request("invoke-bytes", "POST", "/workflows/fz/invocations", contentType(random), bytes(random, 64), false),
                () -> new Request("deploy-mutated", "POST", "/workflows/fz?synthetic=true", contentType(random),
                        utf8(mutate(WORDCOUNT, random)), false),
                () -> new Request("get-invocation", "GET", "/invocations/" + pathNoise(random), null, null, false),
                () -> new Request("get-workflow", "GET", "/workflows/" + pathNoise(random), null, null, false),
                () -> new Request("cancel", "DELETE", "/invocations/" + pathNoise(random), null, null, false),
                () -> new Request("invoke-unknown", "POST", "/workflows/" + pathNoise(random) + "/invocations",
                        "application/json", utf8("{}"), false),
                () -> new Request("token-noise", List.of("GET", "POST", "DELETE").get(random.nextInt(3)),
                        List.of("/workflows/fz", "/workflows/fz/invocations", "/invocations/x").get(random.nextInt(3)),
                        "application/json", utf8("{}"), true, random.nextBoolean() ? null
                                : "Bearer " + new String(bytes(random, 40), StandardCharsets.ISO_8859_1).replaceAll("[^\\x21-\\x7e]", "")),
                () -> new Request("odd-method", List.of("PUT", "PATCH", "DELETE", "GET").get(random.nextInt(4)),
                        List.of("/workflows/fz", "/workflows", "/invocations", "/", "/q/nope").get(random.nextInt(5)),
                        contentType(random), bytes(random, 16), false));
        return kinds.get(random.nextInt(kinds.size())).get();
    }

    private void check(Request request, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        statuses.merge(request.label() + " " + status, 1, Integer::sum);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String what = request.label() + " " + request.method() + " " + request.path() + " -> " + status + ": "
                + body.substring(0, Math.min(400, body.length()));
        assertTrue(status < 500, "a 5xx for a client's request: " + what);
        int requestSize = request.body() == null ? 0 : request.body().length;
        assertTrue(response.body().length <= 2L * requestSize + 32 * 1024, "answer of " + response.body().length
                + " bytes to a request of " + requestSize + ": " + what);
        if (request.mustRefuse()) {
            assertTrue(status >= 400, "accepted though malformed: " + what);
        }
        if (request.mustRefuse() && !VALID.equals(request.authorization())) {
            // 431: the HTTP server refuses a header over its size limit before the API sees it.
            assertTrue(status == 401 || status == 431, "not refused for its token: " + what);
        }
        if (status == 400 || status == 401 || status == 413 || status == 415) {
            JsonNode error = json(body, what);
            boolean named = error.hasNonNull("field") || error.path("problems").size() > 0
                    || error.path("message").asText().contains("faasflow.limits");
            assertTrue(named, "a refusal that names no field or limit: " + what);
        }
    }

    private HttpResponse<byte[]> send(Request request) throws InterruptedException {
        URI uri = URI.create(base.toString().replaceAll("/$", "") + request.path());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(ANSWER_WITHIN)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.authorization() != null) {
            builder.header("Authorization", request.authorization());
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            fail("no answer within " + ANSWER_WITHIN + " to " + request.label() + " " + request.path() + ": " + e);
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String body, String what) {
        try {
            return WireJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError("an error answer that is not JSON: " + what);
        }
    }

    private static String contentType(Random random) {
        String[] types = {"application/json", "application/yaml", "text/plain", "application/octet-stream", null};
        return types[random.nextInt(types.length)];
    }

    private static String pathNoise(Random random) {
        String[] parts = {"x", "%20", "%22", "%27", "%2F", "%00", "%25ZZ", "..", "a.b", "%E2%98%83", "9".repeat(200), "-", "_"};
        StringBuilder path = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            path.append(parts[random.nextInt(parts.length)]);
        }
        return path.toString();
    }

    private static String mutate(String seed, Random random) {
        String[] tokens = {"{", "}", "[", "]", ",", ":", "\"", "\\", "null", "-1", "1e999", "true", "&a ", "*a", "!!binary ",
            "- ", ": ", "\n", "  ", "INPUT", "name: ", "nodes: ", "type: switch", "\u0000", "9".repeat(1200)};
        StringBuilder text = new StringBuilder(seed);
        for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
            int at = random.nextInt(text.length() + 1);
            int end = Math.min(text.length(), at + random.nextInt(20));
            switch (random.nextInt(3)) {
                case 0 -> text.delete(at, end);
                case 1 -> text.insert(at, tokens[random.nextInt(tokens.length)]);
                default -> text.replace(at, end, tokens[random.nextInt(tokens.length)]);
            }
        }
        return text.toString();
    }

    private static byte[] bytes(Random random, int max) {
        byte[] bytes = new byte[random.nextInt(max + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String wide(int fields) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < fields; i++) {
            json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":0");
        }
        return json.append('}').toString();
    }

    /** A billion-laughs document: 10 to the {@code levels} list elements through aliases. */
    private static String aliasBomb(int levels) {
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level < levels; level++) {
            String previous = "*l" + (level - 1);
            yaml.append("l").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, previous))).append("]\n");
        }
        String last = "*l" + (levels - 1);
        return yaml + "functions:\n- name: f\n  source: s\n  runtime: " + last + "\n  next: {type: pass, nodes: " + last + "}\n";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
