package io.faasflow.scheduler.state;

import java.util.Collection;
import java.util.Optional;

/**
 * The per-node store of invocation state. Changes become durable when the owner flushes; until then a
 * crash loses them, and the node re-derives them from redelivered events.
 */
public interface StateStore {

    Optional<InvocationState> get(String invocation);

    /** Adds a new invocation's state. */
    void put(InvocationState state);

    /** Notes that a held state changed and must be written at the next flush. */
    void markDirty(InvocationState state);

    /** Whether the invocation has ended on this node (late events for it are dropped). */
    boolean isFinished(String invocation);

    /**
     * Drops the invocation's state and remembers that it ended; the end is made durable only once
     * {@code durable} completes (until then a crash restores the state).
     */
    void finish(String invocation, java.util.concurrent.CompletableFuture<?> durable);

    /** Every live invocation state. */
    Collection<InvocationState> all();

    /**
     * Writes {@code state} to durable storage now rather than at the next flush; the future completes once it is
     * durable. An invocation's end is written so before anyone hears of it.
     */
    java.util.concurrent.CompletableFuture<?> persistNow(InvocationState state);
}
