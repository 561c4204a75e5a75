package io.faasflow.scheduler;

import io.faasflow.scheduler.engine.NodeEngine;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Work handed to a node's event loop from other threads (function ends, finished storage writes). Posting
 * wakes the loop from its poll so the work runs at once.
 */
public final class LoopInbox {
    private final ConcurrentLinkedQueue<Consumer<NodeEngine>> tasks = new ConcurrentLinkedQueue<>();
    private volatile Runnable wakeup = () -> { };

    public void post(Consumer<NodeEngine> task) {
        tasks.add(task);
        wakeup.run();
    }

    void onPost(Runnable wakeup) {
        this.wakeup = wakeup;
    }

    boolean isEmpty() {
        return tasks.isEmpty();
    }

    /** Runs every queued task on the calling (loop) thread. */
    void drainInto(NodeEngine engine) {
        Consumer<NodeEngine> task;
        while ((task = tasks.poll()) != null) {
            task.accept(engine);
        }
    }
}
