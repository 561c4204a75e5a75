package io.faasflow.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.storage.local.CouchDbStandIn;
import io.faasflow.storage.local.RedisServerProcess;
import io.faasflow.topology.placement.Destination;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Placement-driven put, local-then-remote fetch and cleanup over a real Redis and CouchDB stand-in. */
@Timeout(120)
class StorageAdapterIT {
    private static RedisServerProcess redisA;
    private static RedisServerProcess redisB;
    private static CouchDbStandIn couch;
    private static StorageAdapter nodeA;
    private static StorageAdapter nodeB;

    @BeforeAll
    static void start() {
        redisA = RedisServerProcess.start(LocalServices.workDir("redis-a"));
        redisB = RedisServerProcess.start(LocalServices.workDir("redis-b"));
        couch = CouchDbStandIn.start(LocalServices.projectHome(), LocalServices.workDir("couch"));
        nodeA = StorageAdapter.connect(new StorageConfig(redisA.uri(), couch.url(), "adapter-test", Duration.ofMinutes(5)));
        nodeB = StorageAdapter.connect(new StorageConfig(redisB.uri(), couch.url(), "adapter-test", Duration.ofMinutes(5)));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {nodeA, nodeB, redisA, redisB, couch}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @Test
    void shouldKeepMemDataOnTheProducerNodeOnly() {
        String invocation = UUID.randomUUID().toString();
        nodeA.put(invocation, "a/out", new byte[] {7}, Destination.MEM);
        assertTrue(nodeA.local().contains(invocation, "a/out"));
        assertFalse(nodeA.remote().contains(invocation, "a/out"));
        assertArrayEquals(new byte[] {7}, nodeA.fetch(invocation, "a/out"));
        StorageException missing = assertThrows(StorageException.class, () -> nodeB.fetch(invocation, "a/out"));
        assertEquals("a/out", missing.key());
        assertTrue(missing.getMessage().contains(invocation), missing.getMessage());
    }

    @Test
    void shouldReachDbDataFromAnyNode() {
        String invocation = UUID.randomUUID().toString();
        nodeA.put(invocation, "a/out", new byte[] {1, 2}, Destination.DB);
        assertFalse(nodeA.local().contains(invocation, "a/out"));
        assertArrayEquals(new byte[] {1, 2}, nodeB.fetch(invocation, "a/out"));
    }

    @Test
    void shouldWriteBothTiersForMixedReaders() {
        String invocation = UUID.randomUUID().toString();
        nodeA.put(invocation, "a/out", new byte[] {3}, Destination.DB_MEM);
        assertTrue(nodeA.local().contains(invocation, "a/out"));
        assertTrue(nodeA.remote().contains(invocation, "a/out"));
        nodeA.remove(invocation, List.of("a/out"));
        assertFalse(nodeA.local().contains(invocation, "a/out"));
        assertFalse(nodeA.remote().contains(invocation, "a/out"));
    }
}
