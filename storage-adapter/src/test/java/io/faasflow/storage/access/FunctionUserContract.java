package io.faasflow.storage.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.storage.CouchDataStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What function code can do as the function user: read and write the data database, and nothing an admin could.
 * Runs against a CouchDB with a server admin, given by {@link #adminUrl()} ({@code http://admin:pw@host:port}).
 */
public abstract class FunctionUserContract {
    private static final String DATABASE = "function-user-data";

    /** The server's URL with the admin's credentials. */
    protected abstract String adminUrl();

    private CouchEndpoint admin() {
        return CouchEndpoint.parse("admin", adminUrl());
    }

    private CouchEndpoint as(String user, String password) {
        return new CouchEndpoint(admin().base(), user, password);
    }

    private String urlOf(CouchEndpoint endpoint) {
        return endpoint.base().getScheme() + "://" + endpoint.user() + ":" + endpoint.password() + "@"
                + endpoint.base().getRawAuthority();
    }

    private static int status(CouchEndpoint endpoint, String method, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path))
                    .method(method, method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("{}")
                            : HttpRequest.BodyPublishers.noBody())
                    .header("Content-Type", "application/json");
            endpoint.authorization().ifPresent(value -> request.header("Authorization", value));
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @Test
    void theFunctionUserReadsAndWritesTheDataDatabaseOnly() throws Exception {
        CouchEndpoint function = as("fn-data", "fn-data-secret");
        CouchSession session = FunctionUser.provision(admin(), DATABASE, function);
        assertEquals("fn-data", session.name());
        assertFalse(session.isAdmin());
        assertTrue(new CouchAccounts(admin()).members(DATABASE).contains("fn-data"));

        try (CouchDataStore store = new CouchDataStore(urlOf(function), DATABASE)) {
            byte[] value = "written by a function".getBytes(StandardCharsets.UTF_8);
            store.put("inv-1", "out", value);
            assertArrayEquals(value, store.get("inv-1", "out").orElseThrow());
            assertEquals(List.of("out"), store.keysOf("inv-1"));
        }

        new CouchAccounts(admin()).ensureDatabase("function-user-other");
        assertEquals(403, status(function, "GET", "/function-user-other"), "another database is closed to it");
        int create = status(function, "PUT", "/function-user-new");
        assertTrue(create == 401 || create == 403, "creating a database is refused: " + create);
        int drop = status(function, "DELETE", "/" + DATABASE);
        assertTrue(drop == 401 || drop == 403, "dropping its database is refused: " + drop);
        int security = status(function, "PUT", "/" + DATABASE + "/_security");
        assertTrue(security == 401 || security == 403, "changing members is refused: " + security);
        int design = status(function, "PUT", "/" + DATABASE + "/_design/evil");
        assertTrue(design == 401 || design == 403, "a design document is refused: " + design);
        int users = status(function, "PUT", "/_users/org.couchdb.user:intruder");
        assertTrue(users == 401 || users == 403 || users == 400, "creating a user is refused: " + users);
        assertEquals(401, status(as("fn-data", "wrong"), "GET", "/" + DATABASE), "a wrong password is refused");
    }

    @Test
    void provisioningAgainKeepsTheUserAndSetsAChangedPassword() {
        FunctionUser.provision(admin(), DATABASE, as("fn-again", "first-password"));
        FunctionUser.provision(admin(), DATABASE, as("fn-again", "first-password"));
        FunctionUser.provision(admin(), DATABASE, as("fn-again", "second-password"));

        assertEquals("fn-again", FunctionUser.check(as("fn-again", "second-password")).name());
        IllegalArgumentException old = assertThrows(IllegalArgumentException.class,
                () -> FunctionUser.check(as("fn-again", "first-password")));
        assertTrue(old.getMessage().contains("refuses the credentials"), old.getMessage());
        assertEquals(1, new CouchAccounts(admin()).members(DATABASE).stream().filter("fn-again"::equals).count(),
                "a member once");
    }

    @Test
    void theAdminIsRefusedAsAFunctionUser() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> FunctionUser.check(admin()));
        assertTrue(refused.getMessage().contains("server admin"), refused.getMessage());
        assertFalse(refused.getMessage().contains(admin().password()), "the password is not shown: " + refused.getMessage());
    }

    @Test
    void provisioningNeedsAnAdmin() {
        FunctionUser.provision(admin(), DATABASE, as("fn-not-admin", "not-admin-secret"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> FunctionUser.provision(as("fn-not-admin", "not-admin-secret"), DATABASE, as("fn-other", "other-secret")));
        assertTrue(refused.getMessage().contains("does not log in as a server admin"), refused.getMessage());
    }

    @Test
    void theSessionNamesTheUser() {
        assertEquals(URI.create(admin().base().toString()), admin().base());
        assertTrue(new CouchAccounts(admin()).session().isAdmin());
    }
}
