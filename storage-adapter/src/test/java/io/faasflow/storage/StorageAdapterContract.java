package io.faasflow.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.topology.placement.Destination;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Placement-driven put, local-then-remote fetch and cleanup: what the adapters of two nodes, each with its own
 * Redis and both with one CouchDB, must do. Subclasses run them against real services.
 */
public abstract class StorageAdapterContract {
    /** The adapter of node A. */
    protected abstract StorageAdapter nodeA();

    /** The adapter of node B: another Redis, the same CouchDB. */
    protected abstract StorageAdapter nodeB();

    @Test
    void shouldKeepMemDataOnTheProducerNodeOnly() {
        String invocation = UUID.randomUUID().toString();
        nodeA().put(invocation, "a/out", new byte[] {7}, Destination.MEM);
        assertTrue(nodeA().local().contains(invocation, "a/out"));
        assertFalse(nodeA().remote().contains(invocation, "a/out"));
        assertArrayEquals(new byte[] {7}, nodeA().fetch(invocation, "a/out"));
        StorageException missing = assertThrows(StorageException.class, () -> nodeB().fetch(invocation, "a/out"));
        assertEquals("a/out", missing.key());
        assertTrue(missing.getMessage().contains(invocation), missing.getMessage());
    }

    @Test
    void shouldReachDbDataFromAnyNode() {
        String invocation = UUID.randomUUID().toString();
        nodeA().put(invocation, "a/out", new byte[] {1, 2}, Destination.DB);
        assertFalse(nodeA().local().contains(invocation, "a/out"));
        assertArrayEquals(new byte[] {1, 2}, nodeB().fetch(invocation, "a/out"));
    }

    @Test
    void shouldWriteBothTiersForMixedReaders() {
        String invocation = UUID.randomUUID().toString();
        nodeA().put(invocation, "a/out", new byte[] {3}, Destination.DB_MEM);
        assertTrue(nodeA().local().contains(invocation, "a/out"));
        assertTrue(nodeA().remote().contains(invocation, "a/out"));
        nodeA().remove(invocation, List.of("a/out"));
        assertFalse(nodeA().local().contains(invocation, "a/out"));
        assertFalse(nodeA().remote().contains(invocation, "a/out"));
    }
}
