package io.faasflow.scheduler.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bookkeeping of one pool key: slots, idle containers and the queue. It starts and stops nothing itself.
 *
 * <p>A slot is held by every container that exists or is being started or stopped, idle or busy; a request
 * takes a slot only while fewer than its limit are held. Requests are served in arrival order: while anyone
 * waits, a released container or a freed slot goes to the head of the queue, never to a newcomer. Idle
 * containers are kept most recently released first.
 */
final class FunctionPool {

    /** What a request gets: an idle container, or a slot to cold-start one in. */
    sealed interface Grant permits Warm, Slot {
    }

    /** An idle container, now the taker's. */
    record Warm(Container container) implements Grant {
    }

    /** A slot the taker now holds: it must start a container in it, or free it. */
    record Slot() implements Grant {
    }

    /** Containers the sweeper took out of the idle list; their slots stay held until {@link #freeSlots}. */
    record Swept(List<Container> expired, List<Container> dead) {
    }

    private record Idle(Container container, long sinceNanos) {
    }

    private record Waiter(int max, CompletableFuture<Grant> grant) {
    }

    private static final Slot SLOT = new Slot();

    private final PoolKey key;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Idle> idle = new ArrayDeque<>();
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    private int slots;
    private boolean closed;

    FunctionPool(PoolKey key) {
        this.key = key;
    }

    /**
     * Takes an idle container or a slot, waiting in line behind earlier requests when neither is free.
     *
     * @param max the most slots this key may hold
     * @throws PoolWaitTimeoutException if nothing came within {@code maxWait}; the request left the queue
     * @throws IllegalStateException if the pool is or gets closed
     */
    Grant take(int max, Duration maxWait) throws InterruptedException {
        Waiter waiter;
        lock.lock();
        try {
            requireOpen();
            if (waiters.isEmpty()) {
                Grant now = grantFor(max);
                if (now != null) {
                    return now;
                }
            }
            waiter = new Waiter(max, new CompletableFuture<>());
            waiters.addLast(waiter);
        } finally {
            lock.unlock();
        }
        try {
            return waiter.grant().get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (leave(waiter)) {
                PoolKeyState state = state();
                throw new PoolWaitTimeoutException("no container of " + key + " came free within "
                        + maxWait.toMillis() + " ms: " + state.containers() + " of at most " + max
                        + " exist, all busy; " + state.waiting() + " other request(s) still waiting");
            }
            return outcome(waiter); // served just as the wait ran out
        } catch (InterruptedException e) {
            if (!leave(waiter) && !waiter.grant().isCompletedExceptionally()) {
                giveBack(waiter.grant().join());
            }
            throw e;
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /** Takes a slot for pre-warming if one is free and nobody waits. */
    boolean reserve(int max) {
        lock.lock();
        try {
            if (closed || !waiters.isEmpty() || slots >= max) {
                return false;
            }
            slots++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts a container whose run ended back in the pool; the first waiter gets it.
     *
     * @return false if the pool is closed: the caller must close the container
     */
    boolean release(Container container) {
        lock.lock();
        try {
            if (closed) {
                slots--;
                return false;
            }
            idle.addFirst(new Idle(container, System.nanoTime()));
            dispatch();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Frees slots of containers that were stopped or never started; the first waiters may take them. */
    void freeSlots(int count) {
        lock.lock();
        try {
            slots -= count;
            dispatch();
        } finally {
            lock.unlock();
        }
    }

    void freeSlot() {
        freeSlots(1);
    }

    /**
     * Takes out of the idle list the containers idle for at least {@code idleTimeout} and those found dead. They
     * keep their slots until the caller, having stopped them, calls {@link #freeSlots}.
     */
    Swept sweep(Duration idleTimeout, long nowNanos) {
        List<Container> expired = new ArrayList<>();
        List<Container> dead = new ArrayList<>();
        lock.lock();
        try {
            for (Iterator<Idle> it = idle.iterator(); it.hasNext(); ) {
                Idle entry = it.next();
                if (!entry.container().isAlive()) {
                    dead.add(entry.container());
                    it.remove();
                } else if (nowNanos - entry.sinceNanos() >= idleTimeout.toNanos()) {
                    expired.add(entry.container());
                    it.remove();
                }
            }
        } finally {
            lock.unlock();
        }
        return new Swept(expired, dead);
    }

    /** Closes the queue: waiters fail with {@link IllegalStateException}. Returns the idle containers, to stop. */
    List<Container> close(String reason) {
        lock.lock();
        try {
            closed = true;
            waiters.forEach(waiter -> waiter.grant().completeExceptionally(new IllegalStateException(reason)));
            waiters.clear();
            List<Container> drained = idle.stream().map(Idle::container).toList();
            idle.clear();
            return drained;
        } finally {
            lock.unlock();
        }
    }

    PoolKeyState state() {
        lock.lock();
        try {
            return new PoolKeyState(slots, idle.size(), waiters.size());
        } finally {
            lock.unlock();
        }
    }

    private Grant grantFor(int max) {
        if (!idle.isEmpty()) {
            return new Warm(idle.pollFirst().container());
        }
        if (slots < max) {
            slots++;
            return SLOT;
        }
        return null;
    }

    /** Serves waiters from the head of the queue while there is something to give. Lock held. */
    private void dispatch() {
        while (!waiters.isEmpty()) {
            Grant grant = grantFor(waiters.peekFirst().max());
            if (grant == null) {
                return;
            }
            waiters.pollFirst().grant().complete(grant);
        }
    }

    /** @return true if the waiter was still in the queue and left it; false if it had been served or failed */
    private boolean leave(Waiter waiter) {
        lock.lock();
        try {
            return waiters.remove(waiter);
        } finally {
            lock.unlock();
        }
    }

    private void giveBack(Grant grant) {
        switch (grant) {
            case Warm warm -> {
                if (!release(warm.container())) {
                    warm.container().close();
                }
            }
            case Slot slot -> freeSlot();
        }
    }

    /** What a waiter that is no longer queued got: grants are completed under the lock, so it is done. */
    private static Grant outcome(Waiter waiter) {
        try {
            return waiter.grant().join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the container pool of " + key + " is closed");
        }
    }
}
