package io.faasflow.scheduler.runtime;

import io.faasflow.scheduler.engine.MicroClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A container of the {@link InProcessRuntime} (unit tests only). A run calls the runtime's handler on a
 * virtual thread of its own, so that {@link #kill()} or a timeout can end it the way a crashed or hung
 * container would.
 */
public final class InProcessContainer implements Container {
    private final String id;
    private final ContainerSpec spec;
    private final InProcessRuntime.Handler handler;
    private final AtomicLong runs = new AtomicLong();
    private final List<String> forgotten = new CopyOnWriteArrayList<>();
    private volatile boolean alive = true;
    private volatile boolean closed;
    private volatile FutureTask<RunReply> current;

    InProcessContainer(String id, ContainerSpec spec, InProcessRuntime.Handler handler) {
        this.id = id;
        this.spec = spec;
        this.handler = handler;
    }

    @Override
    public String id() {
        return id;
    }

    /** The spec it was started for. */
    public ContainerSpec spec() {
        return spec;
    }

    @Override
    public RunReply run(RunCall call, Duration timeout) throws InterruptedException {
        if (!alive) {
            throw new ContainerDiedException("in-process container " + id + " is not alive");
        }
        long start = MicroClock.nowMicros();
        FutureTask<RunReply> task = new FutureTask<>(() -> handler.run(this, call));
        current = task;
        if (!alive) {
            task.cancel(true); // killed between the check above and now
        }
        Thread.ofVirtual().name(id + "-run").start(task);
        try {
            RunReply reply = task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            runs.incrementAndGet();
            return reply;
        } catch (CancellationException e) {
            throw new ContainerDiedException("in-process container " + id + " was killed during the run of "
                    + call.invocation());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ContainerDiedException died) {
                alive = false;
                throw died;
            }
            // What the client side of a real container would throw: a refusal, an Error of the caller's own.
            if (e.getCause() instanceof ContainerException refusedOrBroken) {
                throw refusedOrBroken;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (!alive) {
                throw new ContainerDiedException("in-process container " + id + " was killed during the run of "
                        + call.invocation(), e.getCause());
            }
            runs.incrementAndGet();
            return new RunReply(start, MicroClock.nowMicros(), e.getCause().getClass().getSimpleName(),
                    String.valueOf(e.getCause().getMessage()), Map.of(), Map.of());
        } catch (TimeoutException e) {
            kill();
            throw new ContainerTimeoutException("in-process container " + id + " gave no answer within "
                    + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            kill();
            throw e;
        } finally {
            current = null;
        }
    }

    @Override
    public ContainerStatus status() {
        if (!alive) {
            throw new ContainerDiedException("in-process container " + id + " is not alive");
        }
        return new ContainerStatus(ContainerStatus.INITIALIZED, spec.function(), runs.get());
    }

    @Override
    public boolean isAlive() {
        return alive;
    }

    @Override
    public void forget(String invocation) {
        forgotten.add(invocation);
    }

    /** Invocations this container was told to forget, in order. */
    public List<String> forgotten() {
        return List.copyOf(forgotten);
    }

    /** Crashes the container: a run in progress fails with {@link ContainerDiedException}, later ones too. */
    public void kill() {
        alive = false;
        FutureTask<RunReply> running = current;
        if (running != null) {
            running.cancel(true);
        }
    }

    @Override
    public void close() {
        closed = true;
        kill();
    }

    /** Whether {@link #close()} was called (by the pool, when it removed the container). */
    public boolean isClosed() {
        return closed;
    }

    /** Runs that ended with a reply. */
    public long runs() {
        return runs.get();
    }

    @Override
    public String toString() {
        return id;
    }
}
