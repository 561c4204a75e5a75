package io.faasflow.scheduler.runtime;

import java.net.http.HttpClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A function server in a child JVM, reached over HTTP on the loopback interface. */
final class ProcessContainer extends ServerContainer {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessContainer.class);

    private final ChildProcess child;

    ProcessContainer(ChildProcess child, int port, HttpClient http) {
        super("process-" + child.pid(), "127.0.0.1", port, http);
        this.child = child;
    }

    @Override
    String initialise(ContainerSpec spec, Duration timeout) throws InterruptedException {
        String implementation = super.initialise(spec, timeout);
        LOG.debug("{} serves {} with {}", id(), spec.key(), implementation);
        return implementation;
    }

    @Override
    boolean running() {
        return child.isAlive();
    }

    @Override
    void stop() {
        child.stop();
        LOG.debug("stopped {}", describe());
    }

    @Override
    String describe() {
        return "process container " + id() + " (" + child.describe() + ")";
    }

    /** The last lines of the server's log, for error messages. */
    String logTail() {
        return child.logTail();
    }
}
