package io.faasflow.scheduler.runtime;

import io.faasflow.scheduler.runtime.ServerMessages.InitReply;
import io.faasflow.scheduler.runtime.ServerMessages.InitRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A function server in a child JVM, reached over HTTP on the loopback interface. */
final class ProcessContainer implements Container {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessContainer.class);

    private final String id;
    private final ChildProcess child;
    private final FunctionServerClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    ProcessContainer(ChildProcess child, int port, HttpClient http) {
        this.id = "process-" + child.pid();
        this.child = child;
        this.client = new FunctionServerClient(http, URI.create("http://127.0.0.1:" + port + "/"), this::describe);
    }

    /**
     * Loads the spec's function in the server ({@code POST /init}).
     *
     * @throws ContainerException if the server refuses or does not answer
     */
    void initialise(ContainerSpec spec, Duration timeout) throws InterruptedException {
        InitReply reply = client.init(InitRequest.of(spec), timeout);
        if (reply == null || !spec.function().equals(reply.function())) {
            throw new ContainerException(describe() + " was initialised with function "
                    + (reply == null ? null : reply.function()) + " instead of " + spec.function());
        }
        LOG.debug("{} serves {} with {}", id, spec.key(), reply.implementation());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public RunReply run(RunCall call, Duration timeout) throws InterruptedException {
        if (closed.get()) {
            throw new ContainerDiedException(describe() + " was closed before the run");
        }
        return client.run(call, timeout);
    }

    @Override
    public ContainerStatus status() throws InterruptedException {
        return client.status();
    }

    @Override
    public boolean isAlive() {
        return !closed.get() && child.isAlive();
    }

    @Override
    public void forget(String invocation) throws InterruptedException {
        client.forget(invocation);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            child.stop();
            LOG.debug("stopped {}", describe());
        }
    }

    /** The container, its process's state and log, for error messages. */
    String describe() {
        return "process container " + id + " (" + child.describe() + ")";
    }

    /** The last lines of the server's log, for error messages. */
    String logTail() {
        return child.logTail();
    }

    @Override
    public String toString() {
        return describe();
    }
}
