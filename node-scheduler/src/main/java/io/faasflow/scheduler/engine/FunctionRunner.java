package io.faasflow.scheduler.engine;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.event.RunEndedEvent;
import io.faasflow.scheduler.event.RunRequestEvent;
import io.faasflow.storage.StorageAdapter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Starts each try of a hosted function on its own virtual thread, where a {@link TryExecutor} runs it (in this
 * process or in a pooled container), and hands each end to a callback (the node's event loop). A try that
 * outlives its timeout is interrupted and ends as {@code TimedOut}; the ends of tries of an invocation that was
 * stopped are still reported, so their outputs can be removed.
 */
public final class FunctionRunner implements AutoCloseable {
    private final TryExecutor tries;
    private final StorageAdapter storage;
    private final int node;
    private final Consumer<RunEndedEvent> onEnded;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledThreadPoolExecutor timer = timeoutTimer();
    private final Map<String, Set<Future<?>>> running = new ConcurrentHashMap<>();

    /**
     * @param tries where tries run: in this process, or in pooled containers
     * @param storage the node's storage, for switch conditions (evaluated here)
     */
    public FunctionRunner(int node, TryExecutor tries, StorageAdapter storage, Consumer<RunEndedEvent> onEnded) {
        this.node = node;
        this.tries = tries;
        this.storage = storage;
        this.onEnded = onEnded;
    }

    private static ScheduledThreadPoolExecutor timeoutTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("function-timeouts").factory());
        // A try that ends in time cancels its timeout; the cancelled task must not wait out its delay in the queue.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    public void run(Deployment deployment, RunRequestEvent run, Duration timeout) {
        AtomicBoolean reported = new AtomicBoolean();
        CompletableFuture<ScheduledFuture<?>> timeoutTask = new CompletableFuture<>();
        CompletableFuture<Future<?>> self = new CompletableFuture<>();
        long start = MicroClock.nowMicros();
        Future<?> future = executor.submit(() -> {
            TryExecutor.Outcome outcome;
            try {
                outcome = tries.execute(deployment, run, timeout,
                        () -> timeoutTask.complete(timer.schedule(() -> self.thenAccept(running -> timedOut(run, start,
                                timeout, reported, running)), timeout.toNanos(), TimeUnit.NANOSECONDS)));
            } catch (InterruptedException e) {
                outcome = TryExecutor.Outcome.failed("Interrupted", "the run was interrupted");
            } catch (Exception | Error e) {
                outcome = TryExecutor.Outcome.failed(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
            timeoutTask.thenAccept(task -> task.cancel(false));
            if (reported.compareAndSet(false, true)) {
                onEnded.accept(ended(run, start, outcome, -1));
            } else {
                // Given up after its timeout: reported again, with what it stored, so that the engine removes that
                // data if the invocation has ended meanwhile (otherwise the engine drops this stale end).
                onEnded.accept(ended(run, start, new TryExecutor.Outcome("Abandoned", "ended after it was given up",
                        outcome.outputBytes(), Map.of(), outcome.putNanos(), outcome.fetchNanos()), -1));
            }
        });
        track(run.invocation(), future);
        self.complete(future);
    }

    private void timedOut(RunRequestEvent run, long start, Duration timeout, AtomicBoolean reported, Future<?> running) {
        if (!running.isDone() && reported.compareAndSet(false, true)) {
            // Reported before the interrupt, so that this end reaches the engine ahead of the run's own.
            onEnded.accept(ended(run, start, TryExecutor.Outcome.failed("TimedOut", "function " + run.function()
                    + " did not finish within " + timeout.toMillis() / 1000.0 + " s (try " + run.attempt() + ")"), -1));
            running.cancel(true);
        }
    }

    /** Tells the executor of a deployment, so that it can prepare (pre-warm) its functions. */
    public void deployed(Deployment deployment) {
        tries.deployed(deployment);
    }

    /** Evaluates a switch on a virtual thread; its end names the chosen branch (-1: none). */
    public void evaluateSwitch(Deployment deployment, RunRequestEvent run) {
        executor.execute(() -> {
            long start = MicroClock.nowMicros();
            int branch = -1;
            String errorType = null;
            String errorMessage = null;
            try {
                branch = SwitchEvaluator.choose(deployment, run.function(), run.invocation(), storage);
            } catch (Exception | Error e) {
                errorType = e.getClass().getSimpleName();
                errorMessage = "switch condition: " + e.getMessage();
            }
            onEnded.accept(ended(run, start, new TryExecutor.Outcome(errorType, errorMessage, Map.of(), Map.of(), 0, 0),
                    branch));
        });
    }

    private RunEndedEvent ended(RunRequestEvent run, long start, TryExecutor.Outcome outcome, int branch) {
        return new RunEndedEvent(run.invocation(), run.workflow(), run.version(), run.function(), run.element(),
                run.attempt(), node, start, MicroClock.nowMicros(), outcome.errorType(), outcome.errorMessage(),
                outcome.outputBytes(), outcome.keyCounts(), branch, outcome.putNanos(), outcome.fetchNanos());
    }

    private void track(String invocation, Future<?> future) {
        Set<Future<?>> futures = running.computeIfAbsent(invocation, id -> ConcurrentHashMap.newKeySet());
        futures.add(future);
        futures.removeIf(Future::isDone);
    }

    /** Interrupts the invocation's tries still going on this node and drops its cached lists. */
    public void stop(String invocation) {
        Set<Future<?>> futures = running.remove(invocation);
        if (futures != null) {
            futures.forEach(future -> future.cancel(true));
        }
        tries.forget(invocation);
    }

    /** Runs a side task (storage writes, cleanup) off the event loop. */
    public void background(Runnable task) {
        executor.execute(task);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        executor.shutdownNow();
        tries.close();
    }
}
