package io.faasflow.storage.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The user and permission calls of CouchDB's HTTP API that faasflow makes: who a URL logs in as
 * ({@code /_session}), databases, users ({@code /_users}) and a database's members ({@code /{db}/_security}).
 * Every call but {@link #session()} needs a server admin. A failure is an {@link IllegalStateException} naming
 * the call, the status and CouchDB's reason.
 */
public final class CouchAccounts {
    private static final String USERS = "_users";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CouchEndpoint endpoint;
    private final HttpClient http;

    public CouchAccounts(CouchEndpoint endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /**
     * Whom the endpoint's credentials log in as.
     *
     * @throws IllegalArgumentException when CouchDB refuses the credentials
     */
    public CouchSession session() {
        Answer answer = call("GET", "/_session", null);
        if (answer.status() == 401) {
            throw new IllegalArgumentException("CouchDB refuses the credentials of " + endpoint + ": "
                    + answer.body().path("reason").asText("401"));
        }
        JsonNode context = expect(answer, "GET /_session", 200).path("userCtx");
        List<String> roles = new ArrayList<>();
        context.path("roles").forEach(role -> roles.add(role.asText()));
        return new CouchSession(context.path("name").isTextual() ? context.path("name").asText() : null, roles);
    }

    /** Creates {@code database} unless it exists. */
    public void ensureDatabase(String database) {
        Answer answer = call("PUT", "/" + encode(database), null);
        if (answer.status() != 412) {
            expect(answer, "PUT /" + database, 201, 202);
        }
    }

    /**
     * Makes {@code name} a user with {@code password} and no roles: created when missing, its password set again
     * when it exists and no longer logs in with it.
     */
    public void ensureUser(String name, String password) {
        ensureDatabase(USERS);
        String path = "/" + USERS + "/" + encode("org.couchdb.user:" + name);
        for (int attempt = 1; ; attempt++) {
            Answer existing = call("GET", path, null);
            ObjectNode user;
            if (existing.status() == 404) {
                user = JSON.createObjectNode().put("name", name).put("type", "user");
                user.putArray("roles");
            } else {
                user = (ObjectNode) expect(existing, "GET " + path, 200);
                if (logsIn(name, password)) {
                    return;
                }
            }
            user.put("password", password);
            Answer written = call("PUT", path, user);
            if (written.status() == 409 && attempt < 3) {
                continue; // another setup wrote it meanwhile: read it again
            }
            expect(written, "PUT " + path, 201, 202);
            return;
        }
    }

    private boolean logsIn(String name, String password) {
        CouchEndpoint asUser = new CouchEndpoint(endpoint.base(), name, password);
        Answer answer = new CouchAccounts(asUser).call("GET", "/_session", null);
        return answer.status() == 200 && name.equals(answer.body().path("userCtx").path("name").asText(null));
    }

    /** Adds {@code name} to the members of {@code database}, keeping its other members and admins. */
    public void addMember(String database, String name) {
        String path = "/" + encode(database) + "/_security";
        JsonNode current = expect(call("GET", path, null), "GET " + path, 200);
        ObjectNode security = current.isObject() ? (ObjectNode) current.deepCopy() : JSON.createObjectNode();
        ObjectNode members = security.has("members") && security.get("members").isObject()
                ? (ObjectNode) security.get("members") : security.putObject("members");
        ArrayNode names = members.has("names") && members.get("names").isArray()
                ? (ArrayNode) members.get("names") : members.putArray("names");
        for (JsonNode member : names) {
            if (name.equals(member.asText())) {
                return;
            }
        }
        names.add(name);
        if (!members.has("roles")) {
            members.putArray("roles");
        }
        if (!security.has("admins")) {
            security.putObject("admins").putArray("names");
            ((ObjectNode) security.get("admins")).putArray("roles");
        }
        expect(call("PUT", path, security), "PUT " + path, 200);
    }

    /** The members' names of {@code database}. */
    public List<String> members(String database) {
        String path = "/" + encode(database) + "/_security";
        List<String> names = new ArrayList<>();
        expect(call("GET", path, null), "GET " + path, 200).path("members").path("names")
                .forEach(member -> names.add(member.asText()));
        return names;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String path, JsonNode body) {
        URI uri = endpoint.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        endpoint.authorization().ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed;
            try {
                parsed = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            } catch (IOException e) {
                parsed = JSON.createObjectNode().put("reason", response.body());
            }
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " at " + endpoint + ": CouchDB did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " at " + endpoint + " was interrupted", e);
        }
    }

    private JsonNode expect(Answer answer, String call, int... statuses) {
        for (int status : statuses) {
            if (answer.status() == status) {
                return answer.body();
            }
        }
        throw new IllegalStateException(call + " at " + endpoint + " answered " + answer.status() + ": "
                + answer.body().path("error").asText("") + " " + answer.body().path("reason").asText(""));
    }
}
