package io.faasflow.functions.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ElementListsTest {
    private static final byte[] LIST = "[\"a\", 2, {\"b\": true}]".getBytes(StandardCharsets.UTF_8);

    private static Supplier<byte[]> slowCountingLoad(AtomicInteger loads) {
        return () -> {
            loads.incrementAndGet();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return LIST;
        };
    }

    @Test
    void shouldLoadAListOnceWhenManyRunsAskAtOnce() throws Exception {
        ElementLists lists = new ElementLists();
        AtomicInteger loads = new AtomicInteger();
        List<Future<ElementList>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                results.add(executor.submit(() -> lists.get("inv", "p/list", slowCountingLoad(loads))));
            }
        }
        assertEquals(1, loads.get());
        for (Future<ElementList> result : results) {
            assertEquals(3, result.get().size());
        }
    }

    @Test
    void shouldGiveStringsBareAndOtherElementsAsJson() {
        ElementList list = new ElementLists().get("inv", "p/list", () -> LIST);
        assertArrayEquals("a".getBytes(StandardCharsets.UTF_8), list.element(0));
        assertArrayEquals("2".getBytes(StandardCharsets.UTF_8), list.element(1));
        assertArrayEquals("{\"b\":true}".getBytes(StandardCharsets.UTF_8), list.element(2));
        assertArrayEquals(LIST, list.json());
    }

    @Test
    void shouldReloadAfterForgettingAnInvocation() {
        ElementLists lists = new ElementLists();
        AtomicInteger loads = new AtomicInteger();
        lists.get("inv", "p/list", slowCountingLoad(loads));
        lists.get("inv", "p/list", slowCountingLoad(loads));
        lists.get("other", "p/list", slowCountingLoad(loads));
        assertEquals(2, lists.invocations());
        lists.forget("inv");
        assertEquals(1, lists.invocations());
        lists.get("inv", "p/list", slowCountingLoad(loads));
        assertEquals(3, loads.get());
    }

    @Test
    void shouldNotKeepAFailedLoad() {
        ElementLists lists = new ElementLists();
        IllegalStateException down = assertThrows(IllegalStateException.class,
                () -> lists.get("inv", "p/list", () -> {
                    throw new IllegalStateException("store down");
                }));
        assertEquals("store down", down.getMessage());
        assertEquals(3, lists.get("inv", "p/list", () -> LIST).size());
    }

    @Test
    void shouldNameTheKeyOfAStoredValueThatIsNoList() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new ElementLists().get("inv", "p/list", () -> "{}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(error.getMessage().contains("'p/list'"), error.getMessage());
    }
}
