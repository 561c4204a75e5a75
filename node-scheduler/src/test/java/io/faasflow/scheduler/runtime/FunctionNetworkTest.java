package io.faasflow.scheduler.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Stores on loopback are relayed to the containers' network; other addresses pass as they are. */
class FunctionNetworkTest {

    @Test
    void relaysALoopbackStoreAndCarriesBytesBothWays() throws Exception {
        try (ServerSocket store = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
                FunctionNetwork network = FunctionNetwork.withGateway("test", InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> echoOnce(store));
            StorageSettings relayed = network.reachable(new StorageSettings("redis://127.0.0.1:" + store.getLocalPort(),
                    "http://admin:secret@couchdb:5984", "faasflow-data", 60));

            URI redis = URI.create(relayed.redisUri());
            assertNotEquals(store.getLocalPort(), redis.getPort(), "a relay port, not the store's");
            assertEquals("http://admin:secret@couchdb:5984", relayed.couchUrl(), "a name on the network passes as it is");
            try (Socket client = new Socket(redis.getHost(), redis.getPort())) {
                byte[] ping = "PING\r\n".getBytes(StandardCharsets.US_ASCII);
                client.getOutputStream().write(ping);
                client.shutdownOutput();
                assertArrayEquals(ping, client.getInputStream().readAllBytes());
            }
        }
    }

    @Test
    void keepsCredentialsAndPathOfARelayedUrl() {
        try (FunctionNetwork network = FunctionNetwork.withGateway("test", InetAddress.getLoopbackAddress())) {
            URI couch = URI.create(network.reachable(new StorageSettings("redis://redis-0:6379",
                    "http://admin:s3cret@localhost:5984/", "faasflow-data", 60)).couchUrl());
            assertEquals("admin:s3cret", couch.getUserInfo());
            assertEquals("/", couch.getPath());
            assertNotEquals(5984, couch.getPort());
        }
    }

    private static void echoOnce(ServerSocket store) {
        try (Socket connection = store.accept()) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            in.transferTo(out);
            connection.shutdownOutput();
        } catch (Exception e) {
            // The test's assertion reports it.
        }
    }
}
