package io.faasflow.scheduler.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For unit tests only: "containers" that are objects in the scheduler's JVM, with no server, no HTTP and no
 * isolation. Each run calls a {@link Handler} the test gives, on a thread of its own, so a test decides
 * whether runs succeed, fail, block or die ({@link InProcessContainer#kill()}), and whether cold starts
 * succeed ({@link StartHook}).
 */
public final class InProcessRuntime implements ContainerRuntime {

    /** What a run of an in-process container does. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Runs one try. A thrown exception is the function's failure (a reply with {@code errorType}), except
         * a {@link ContainerDiedException}, which kills the container.
         */
        RunReply run(InProcessContainer container, RunCall call) throws Exception;
    }

    /** Called at every cold start, before the container exists; throwing fails the start. */
    @FunctionalInterface
    public interface StartHook {
        /** @param attempt the number of this start on the runtime, from 1 (failed ones included) */
        void starting(ContainerSpec spec, int attempt) throws Exception;
    }

    private final StartHook startHook;
    private final Handler handler;
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<InProcessContainer> started = new CopyOnWriteArrayList<>();

    /** A runtime whose cold starts always succeed. */
    public InProcessRuntime(Handler handler) {
        this((spec, attempt) -> { }, handler);
    }

    public InProcessRuntime(StartHook startHook, Handler handler) {
        this.startHook = startHook;
        this.handler = handler;
    }

    @Override
    public String name() {
        return "inprocess";
    }

    @Override
    public InProcessContainer start(ContainerSpec spec) throws InterruptedException {
        int attempt = attempts.incrementAndGet();
        try {
            startHook.starting(spec, attempt);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new ContainerStartException("in-process start " + attempt + " of " + spec.key() + " failed: "
                    + e.getMessage(), e);
        }
        InProcessContainer container = new InProcessContainer("inprocess-" + attempt, spec, handler);
        started.add(container);
        return container;
    }

    /** Every container started so far, in start order. */
    public List<InProcessContainer> started() {
        return List.copyOf(started);
    }

    /** Cold starts attempted so far, failed ones included. */
    public int startAttempts() {
        return attempts.get();
    }
}
