package io.faasflow.functions.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The foreach lists a node has read, by invocation and storage key: every foreach run of an invocation reads
 * its list here, so the list is fetched and parsed once per node however many runs there are. Thread-safe;
 * concurrent first readers of a list wait for one load. The engine calls {@link #forget} when an invocation
 * ends. A failed load is not kept: the next reader tries again.
 */
public final class ElementLists {
    private final ConcurrentMap<String, ConcurrentMap<String, CompletableFuture<ElementList>>> byInvocation =
            new ConcurrentHashMap<>();

    /**
     * The list under {@code storageKey}, loading it with {@code load} if this node has not yet.
     *
     * @throws IllegalStateException when the stored value is not a JSON array
     * @throws RuntimeException whatever {@code load} throws
     */
    public ElementList get(String invocation, String storageKey, Supplier<byte[]> load) {
        ConcurrentMap<String, CompletableFuture<ElementList>> lists =
                byInvocation.computeIfAbsent(invocation, i -> new ConcurrentHashMap<>());
        CompletableFuture<ElementList> mine = new CompletableFuture<>();
        CompletableFuture<ElementList> existing = lists.putIfAbsent(storageKey, mine);
        if (existing != null) {
            return await(existing);
        }
        // Loaded outside the map's locks: a slow fetch must not block readers of other lists.
        try {
            ElementList list = parse(invocation, storageKey, load.get());
            mine.complete(list);
            return list;
        } catch (RuntimeException | Error e) {
            lists.remove(storageKey, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static ElementList parse(String invocation, String storageKey, byte[] stored) {
        try {
            return ElementList.parse(stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("invocation " + invocation + ": the foreach list stored under '"
                    + storageKey + "' is " + e.getMessage(), e);
        }
    }

    private static ElementList await(CompletableFuture<ElementList> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Drops every list of an invocation; call when the invocation has ended on this node. */
    public void forget(String invocation) {
        byInvocation.remove(invocation);
    }

    /** Invocations that have lists cached here, for monitoring and tests. */
    public int invocations() {
        return byInvocation.size();
    }
}
