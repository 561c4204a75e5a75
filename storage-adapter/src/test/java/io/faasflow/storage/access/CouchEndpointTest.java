package io.faasflow.storage.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CouchEndpointTest {
    @Test
    void splitsTheCredentialsFromTheAddress() {
        CouchEndpoint endpoint = CouchEndpoint.parse("setting", "http://fn:s%40cret@couchdb:5984/");
        assertEquals("http://couchdb:5984", endpoint.base().toString());
        assertEquals("fn", endpoint.user());
        assertEquals("s@cret", endpoint.password());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("fn:s@cret".getBytes(StandardCharsets.UTF_8)),
                endpoint.authorization().orElseThrow());
        assertEquals("http://couchdb:5984/_session", endpoint.resolve("/_session").toString());
    }

    @Test
    void withoutCredentialsIsAnonymous() {
        CouchEndpoint endpoint = CouchEndpoint.parse("setting", "https://127.0.0.1:6984");
        assertFalse(endpoint.hasCredentials());
        assertNull(endpoint.user());
        assertTrue(endpoint.authorization().isEmpty());
    }

    @Test
    void neverShowsThePassword() {
        CouchEndpoint endpoint = CouchEndpoint.parse("setting", "http://admin:topsecret@couchdb:5984");
        assertEquals("http://admin:***@couchdb:5984", endpoint.toString());
    }

    @Test
    void aBadUrlNamesTheSetting() {
        for (String bad : new String[] {"couchdb:5984", "ftp://couchdb", "http://", "http://a b"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CouchEndpoint.parse("faasflow.function-couchdb-url", bad), bad);
            assertTrue(e.getMessage().startsWith("faasflow.function-couchdb-url"), e.getMessage());
        }
    }
}
