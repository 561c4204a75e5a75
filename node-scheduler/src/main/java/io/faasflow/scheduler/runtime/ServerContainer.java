package io.faasflow.scheduler.runtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A container that runs a function server reached over HTTP: what a docker and a process container share. A
 * subclass says whether its container still runs, stops it, and describes it for error messages.
 */
abstract class ServerContainer implements Container {
    private final String id;
    private final FunctionServerClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param address where the scheduler reaches the server: 127.0.0.1, or the container's address on its network */
    ServerContainer(String id, String address, int port, HttpClient http) {
        this.id = id;
        this.client = new FunctionServerClient(http, URI.create("http://" + address + ":" + port + "/"), this::describe);
    }

    /**
     * Loads the spec's function in the server ({@code POST /init}).
     *
     * @return the class that implements it
     * @throws ContainerException if the server refuses, does not answer, or loaded another function
     */
    String initialise(ContainerSpec spec, Duration timeout) throws InterruptedException {
        return client.initialise(spec, timeout);
    }

    /** Whether the container runs, by a local check. */
    abstract boolean running();

    /** Stops and removes the container; called once. */
    abstract void stop();

    /** The container and its state, for error messages. */
    abstract String describe();

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final RunReply run(RunCall call, Duration timeout) throws InterruptedException {
        if (closed.get()) {
            throw new ContainerDiedException(describe() + " was closed before the run");
        }
        return client.run(call, timeout);
    }

    @Override
    public final ContainerStatus status() throws InterruptedException {
        return client.status();
    }

    @Override
    public final boolean isAlive() {
        return !closed.get() && running();
    }

    @Override
    public final void forget(String invocation) throws InterruptedException {
        client.forget(invocation);
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            stop();
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
