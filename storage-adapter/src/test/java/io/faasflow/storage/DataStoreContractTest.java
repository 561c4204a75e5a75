package io.faasflow.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link DataStore} must do, run against a real service by each subclass. */
abstract class DataStoreContractTest {

    protected abstract DataStore store();

    private static String invocation() {
        return UUID.randomUUID().toString();
    }

    @Test
    void shouldReturnWhatWasPut() {
        String invocation = invocation();
        byte[] value = new byte[1024 * 1024 + 7];
        new Random(42).nextBytes(value);
        store().put(invocation, "split/segment 1.txt", value);
        assertArrayEquals(value, store().get(invocation, "split/segment 1.txt").orElseThrow());
        assertTrue(store().contains(invocation, "split/segment 1.txt"));
    }

    @Test
    void shouldReturnEmptyWhenKeyIsAbsent() {
        assertTrue(store().get(invocation(), "nobody/nothing").isEmpty());
        assertFalse(store().contains(invocation(), "nobody/nothing"));
    }

    @Test
    void shouldReplaceAnEarlierValue() {
        String invocation = invocation();
        store().put(invocation, "a/out", new byte[] {1});
        store().put(invocation, "a/out", new byte[] {2, 3});
        assertArrayEquals(new byte[] {2, 3}, store().get(invocation, "a/out").orElseThrow());
    }

    @Test
    void shouldKeepInvocationsApart() {
        String first = invocation();
        String second = invocation();
        store().put(first, "a/out", new byte[] {1});
        assertTrue(store().get(second, "a/out").isEmpty());
    }

    @Test
    void shouldDeleteOnlyTheNamedKeys() {
        String invocation = invocation();
        store().put(invocation, "a/out", new byte[] {1});
        store().put(invocation, "b/out", new byte[] {2});
        store().delete(invocation, List.of("a/out", "never/written"));
        assertFalse(store().contains(invocation, "a/out"));
        assertTrue(store().contains(invocation, "b/out"));
    }

    @Test
    void shouldListTheKeysOfOneInvocationOnly() {
        String invocation = invocation();
        store().put(invocation, "a/out", new byte[] {1});
        store().put(invocation, "count/words@12", new byte[] {2});
        store().put(invocation + "x", "a/out", new byte[] {3});
        assertEquals(java.util.Set.of("a/out", "count/words@12"), java.util.Set.copyOf(store().keysOf(invocation)));
        store().delete(invocation, java.util.List.of("a/out", "count/words@12"));
        assertTrue(store().keysOf(invocation).isEmpty());
    }

    @Test
    void shouldStoreAnEmptyValue() {
        String invocation = invocation();
        store().put(invocation, "a/empty", new byte[0]);
        assertArrayEquals(new byte[0], store().get(invocation, "a/empty").orElseThrow());
    }
}
