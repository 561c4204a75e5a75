package io.faasflow.scheduler.runtime;

import io.faasflow.scheduler.runtime.FunctionPool.Grant;
import io.faasflow.scheduler.runtime.FunctionPool.Swept;
import io.faasflow.scheduler.runtime.FunctionPool.Warm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's function containers, pooled per {@link PoolKey} (workflow, version, implementation). Thread-safe: any
 * number of threads may call {@link #run} at once.
 *
 * <ul>
 *   <li>A run takes the most recently used idle container of its key (a warm start); if none is idle and the
 *       key has fewer containers than its limit, it cold-starts one; otherwise it waits in a FIFO queue and is
 *       served, in arrival order, by the next container released or slot freed.
 *   <li>A cold start that fails frees its slot for the next waiter. A waiter whose longest wait passes leaves the
 *       queue with a {@link PoolWaitTimeoutException}.
 *   <li>A container whose run fails without a reply (it died, did not answer in time, answered nonsense) or whose
 *       caller was interrupted is closed and removed; its slot goes to the next waiter, which cold-starts a new
 *       one. The run throws, and the caller's retry policy decides what happens to the try.
 *   <li>A background sweeper stops containers idle longer than {@link PoolSettings#idleTimeout()}.
 * </ul>
 *
 * <p>The pool does not close its runtime.
 */
public final class ContainerPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerPool.class);
    private static final Duration COUNTER_LOG_INTERVAL = Duration.ofMinutes(1);

    private final ContainerRuntime runtime;
    private final PoolSettings settings;
    private final ToIntFunction<ContainerSpec> maxContainers;
    private final Map<PoolKey, FunctionPool> pools = new ConcurrentHashMap<>();
    private final Set<Container> live = ConcurrentHashMap.newKeySet();
    private final PoolMetrics metrics = new PoolMetrics();
    private final ScheduledExecutorService sweeper;
    private volatile boolean closed;
    private PoolCounters lastLogged = new PoolCounters(0, 0, 0, 0, 0, 0, 0, 0);
    private long lastLoggedAt = System.nanoTime() - COUNTER_LOG_INTERVAL.toNanos();

    /** A pool where every function may have {@link PoolSettings#defaultMaxContainers()} containers. */
    public ContainerPool(ContainerRuntime runtime, PoolSettings settings) {
        this(runtime, settings, spec -> 0);
    }

    /**
     * @param maxContainers the container limit of a spec's key (e.g. {@code max_containers} of its workflow);
     *     a value below 1 means none is given and the settings' default applies
     */
    public ContainerPool(ContainerRuntime runtime, PoolSettings settings, ToIntFunction<ContainerSpec> maxContainers) {
        this.runtime = runtime;
        this.settings = settings;
        this.maxContainers = maxContainers;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("container-pool-sweeper").factory());
        long interval = settings.sweepInterval().toNanos();
        sweeper.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.NANOSECONDS);
    }

    /** The runtime that starts this pool's containers. */
    public ContainerRuntime runtime() {
        return runtime;
    }

    /** {@link #run(ContainerSpec, RunCall, Duration, Duration, Runnable)} with the settings' longest queue wait. */
    public PooledReply run(ContainerSpec spec, RunCall call, Duration timeout) throws InterruptedException {
        return run(spec, call, settings.defaultMaxWait(), timeout, () -> { });
    }

    /** {@link #run(ContainerSpec, RunCall, Duration, Duration, Runnable)} with the settings' longest queue wait. */
    public PooledReply run(ContainerSpec spec, RunCall call, Duration timeout, Runnable leased) throws InterruptedException {
        return run(spec, call, settings.defaultMaxWait(), timeout, leased);
    }

    /** {@link #run(ContainerSpec, RunCall, Duration, Duration, Runnable)} with nothing to call on the lease. */
    public PooledReply run(ContainerSpec spec, RunCall call, Duration maxWait, Duration timeout)
            throws InterruptedException {
        return run(spec, call, maxWait, timeout, () -> { });
    }

    /**
     * Runs one try on a container of {@code spec}'s key: takes one (warm, cold, or after waiting in line), runs,
     * and gives the container back.
     *
     * @param maxWait longest to wait in the queue (cold start time not included)
     * @param timeout longest the run itself may take
     * @param leased called once a container is taken, just before the run is sent
     * @throws PoolWaitTimeoutException if no container came free within {@code maxWait}
     * @throws ContainerStartException if the cold start for this run failed
     * @throws ContainerDiedException if the container died or did not answer within {@code timeout}
     *     ({@link ContainerTimeoutException}); it was removed from the pool
     * @throws ContainerRefusedException if the container refused the run request (HTTP 4xx); it stays in the pool
     * @throws ContainerException if the container's answer was not a run reply; it was removed from the pool
     * @throws InterruptedException if interrupted; a container running the try was removed from the pool
     * @throws IllegalStateException if the pool is closed
     */
    public PooledReply run(ContainerSpec spec, RunCall call, Duration maxWait, Duration timeout, Runnable leased)
            throws InterruptedException {
        Lease lease = acquire(spec, maxWait);
        try {
            leased.run();
        } catch (RuntimeException e) {
            giveBack(lease); // the caller failed, not the container
            throw e;
        }
        long sent = System.nanoTime();
        RunReply reply;
        try {
            reply = lease.container().run(call, timeout);
        } catch (InterruptedException e) {
            discard(lease, metrics.abandoned);
            throw e;
        } catch (ContainerRefusedException e) {
            giveBack(lease);
            throw e;
        } catch (RuntimeException | Error e) {
            LOG.warn("container {} of {} is removed after a run of {} failed: {}", lease.container().id(),
                    spec.key(), call.invocation(), e.getMessage());
            discard(lease, metrics.died);
            throw e;
        }
        Duration runTime = since(sent);
        giveBack(lease);
        return new PooledReply(reply, lease.container().id(), lease.cold(), lease.queueWait(), lease.startTime(), runTime);
    }

    /**
     * Starts up to {@code count} containers of {@code spec}'s key ahead of its runs, in parallel, within the key's
     * limit; they wait idle (or serve queued runs at once). Blocks until they are up.
     *
     * @return how many were started; failures are logged and counted
     */
    public int prewarm(ContainerSpec spec, int count) {
        FunctionPool pool = poolOf(spec.key());
        int max = limitOf(spec);
        int reserved = 0;
        while (reserved < count && pool.reserve(max)) {
            reserved++;
        }
        List<Future<Boolean>> starts = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < reserved; i++) {
                starts.add(executor.submit(() -> prewarmOne(pool, spec)));
            }
        }
        return (int) starts.stream().filter(start -> start.state() == Future.State.SUCCESS && start.resultNow()).count();
    }

    private boolean prewarmOne(FunctionPool pool, ContainerSpec spec) throws InterruptedException {
        Container container;
        try {
            container = coldStart(pool, spec);
        } catch (ContainerException | IllegalStateException e) {
            LOG.warn("pre-warming a container of {} failed: {}", spec.key(), e.getMessage());
            return false;
        }
        metrics.prewarmed.increment();
        if (!pool.release(container)) {
            retire(container);
        }
        return true;
    }

    /** Asks every container of the node to drop what it cached for an ended invocation; does not wait. */
    public void forget(String invocation) {
        for (Container container : List.copyOf(live)) {
            Thread.ofVirtual().name("forget-" + container.id()).start(() -> {
                try {
                    container.forget(invocation);
                } catch (InterruptedException | RuntimeException e) {
                    LOG.debug("container {} did not forget {}: {}", container.id(), invocation, e.getMessage());
                }
            });
        }
    }

    /** Cumulative counters since the pool was made. */
    public PoolCounters counters() {
        return metrics.snapshot();
    }

    /** The containers and queue of one key now. */
    public PoolKeyState state(PoolKey key) {
        FunctionPool pool = pools.get(key);
        return pool == null ? PoolKeyState.EMPTY : pool.state();
    }

    /** Containers of every key that exist now (idle, busy, or being stopped). */
    public int size() {
        return live.size();
    }

    /** Stops every container, busy ones included (their runs fail), and fails every queued run. */
    @Override
    public void close() {
        closed = true;
        sweeper.shutdownNow();
        String reason = "the container pool is closed";
        pools.values().forEach(pool -> pool.close(reason));
        closeAll(List.copyOf(live));
        live.clear();
    }

    private Lease acquire(ContainerSpec spec, Duration maxWait) throws InterruptedException {
        FunctionPool pool = poolOf(spec.key());
        long asked = System.nanoTime();
        Grant grant;
        try {
            grant = pool.take(limitOf(spec), maxWait);
        } catch (PoolWaitTimeoutException e) {
            metrics.waitTimeouts.increment();
            throw e;
        }
        Duration queueWait = since(asked);
        if (grant instanceof Warm warm) {
            if (warm.container().isAlive()) {
                metrics.warmStarts.increment();
                return new Lease(pool, warm.container(), false, queueWait, Duration.ZERO);
            }
            // Died while idle: its slot, which this request now holds, serves the cold start below.
            LOG.warn("idle container {} of {} died; starting another", warm.container().id(), spec.key());
            metrics.died.increment();
            retire(warm.container());
        }
        long starting = System.nanoTime();
        Container container = coldStart(pool, spec);
        metrics.coldStarts.increment();
        return new Lease(pool, container, true, queueWait, since(starting));
    }

    /** Starts a container in a slot the caller holds; frees the slot if the start fails. */
    private Container coldStart(FunctionPool pool, ContainerSpec spec) throws InterruptedException {
        Container container;
        try {
            container = runtime.start(spec);
        } catch (InterruptedException | RuntimeException | Error e) {
            if (!(e instanceof InterruptedException)) {
                metrics.failedStarts.increment();
            }
            pool.freeSlot();
            throw e;
        }
        live.add(container);
        if (closed) {
            // close() may have gone through the live containers before this one joined them.
            retire(container);
            pool.freeSlot();
            throw new IllegalStateException("the container pool was closed during a cold start of " + spec.key());
        }
        LOG.debug("started container {} of {} with the {} runtime", container.id(), spec.key(), runtime.name());
        return container;
    }

    private void giveBack(Lease lease) {
        if (!lease.pool().release(lease.container())) {
            retire(lease.container());
        }
    }

    /** Closes a container whose run failed, then frees its slot: the key never has more than its limit. */
    private void discard(Lease lease, LongAdder counter) {
        counter.increment();
        retire(lease.container());
        lease.pool().freeSlot();
    }

    private void retire(Container container) {
        try {
            container.close();
        } catch (RuntimeException e) {
            LOG.warn("closing container {} failed: {}", container.id(), e.getMessage());
        } finally {
            live.remove(container);
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            logCountersIfChanged(now);
            for (Map.Entry<PoolKey, FunctionPool> entry : pools.entrySet()) {
                Swept swept = entry.getValue().sweep(settings.idleTimeout(), now);
                int count = swept.expired().size() + swept.dead().size();
                if (count == 0) {
                    continue;
                }
                if (!swept.dead().isEmpty()) {
                    LOG.warn("{} idle container(s) of {} died; removed", swept.dead().size(), entry.getKey());
                }
                List<Container> stopping = new ArrayList<>(swept.expired());
                stopping.addAll(swept.dead());
                closeAll(stopping);
                entry.getValue().freeSlots(count);
                metrics.reclaimed.add(swept.expired().size());
                metrics.died.add(swept.dead().size());
                LOG.debug("reclaimed {} idle container(s) of {}", swept.expired().size(), entry.getKey());
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; the next sweep may fare better.
            LOG.error("sweeping idle containers failed", e);
        }
    }

    /** At most once a minute, the counters when they changed: the pool's metrics in the node's log. */
    private void logCountersIfChanged(long now) {
        PoolCounters counters = metrics.snapshot();
        if (!counters.equals(lastLogged) && now - lastLoggedAt >= COUNTER_LOG_INTERVAL.toNanos()) {
            LOG.info("container pool ({} runtime): {} containers; cold starts {}, warm starts {}, failed starts {}, "
                    + "pre-warmed {}, reclaimed {}, died {}, abandoned {}, queue time-outs {}", runtime.name(), live.size(),
                    counters.coldStarts(), counters.warmStarts(), counters.failedStarts(), counters.prewarmed(),
                    counters.reclaimed(), counters.died(), counters.abandoned(), counters.waitTimeouts());
            lastLogged = counters;
            lastLoggedAt = now;
        }
    }

    /** Closes containers in parallel (a process may take seconds to stop) and waits for all. */
    private void closeAll(Collection<Container> containers) {
        if (containers.size() == 1) {
            retire(containers.iterator().next());
            return;
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            containers.forEach(container -> executor.execute(() -> retire(container)));
        }
    }

    private FunctionPool poolOf(PoolKey key) {
        if (closed) {
            throw new IllegalStateException("the container pool is closed");
        }
        return pools.computeIfAbsent(key, FunctionPool::new);
    }

    private int limitOf(ContainerSpec spec) {
        int own = maxContainers.applyAsInt(spec);
        return own >= 1 ? own : settings.defaultMaxContainers();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** A container taken for one run, with how it was obtained. */
    private record Lease(FunctionPool pool, Container container, boolean cold, Duration queueWait, Duration startTime) {
    }
}
