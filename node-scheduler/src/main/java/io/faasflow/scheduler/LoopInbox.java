package io.faasflow.scheduler;

import io.faasflow.scheduler.engine.NodeEngine;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Work handed to a node's event loop from other threads (function ends, finished storage writes). Posting
 * wakes the loop when it waits in its poll, so the work runs at once. A busy loop is not woken: a wake-up makes
 * the consumer's next poll throw before it returns the records it already fetched, and makes an offset commit
 * fail, so waking a loop that is not waiting delays Kafka input instead of speeding up the task.
 */
public final class LoopInbox {
    private final ConcurrentLinkedQueue<Task> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean waiting = new AtomicBoolean();
    private volatile Runnable wakeup = () -> { };

    /** What went wrong with a task, for the invocation it concerns. */
    interface TaskFailure {
        void failed(String invocation, RuntimeException error);
    }

    private record Task(String invocation, Consumer<NodeEngine> action) {
    }

    /** Queues {@code task}, which concerns {@code invocation}: if it throws, that invocation fails, not the node. */
    public void post(String invocation, Consumer<NodeEngine> task) {
        tasks.add(new Task(invocation, task));
        if (waiting.get()) {
            wakeup.run();
        }
    }

    /**
     * Called by the loop before a blocking poll: true when it may block, i.e. nothing was posted. A task posted
     * from now on wakes the poll; {@link #awake()} ends the wait.
     */
    boolean mayWait() {
        waiting.set(true);
        if (!tasks.isEmpty()) {
            waiting.set(false);
            return false;
        }
        return true;
    }

    void awake() {
        waiting.set(false);
    }

    void onPost(Runnable wakeup) {
        this.wakeup = wakeup;
    }

    boolean isEmpty() {
        return tasks.isEmpty();
    }

    /** Runs every queued task on the calling (loop) thread; a task that throws is handed to {@code onFailure}. */
    void drainInto(NodeEngine engine, TaskFailure onFailure) {
        Task task;
        while ((task = tasks.poll()) != null) {
            try {
                task.action().accept(engine);
            } catch (RuntimeException e) {
                onFailure.failed(task.invocation(), e);
            }
        }
    }
}
