package io.faasflow.scheduler.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a Docker container's output from its start: finds the function server's READY line, keeps the last
 * lines for error messages, and passes every line to the scheduler's log at debug level.
 */
final class DockerOutput extends ResultCallback.Adapter<Frame> {
    private static final Logger LOG = LoggerFactory.getLogger(DockerOutput.class);
    private static final int TAIL_LINES = 20;

    private final String container;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final Deque<String> tail = new ArrayDeque<>();

    private DockerOutput(String container) {
        this.container = DockerRuntime.shortId(container);
    }

    /** Attaches to a created container's output; call before starting it so no line is missed. */
    static DockerOutput follow(DockerClient docker, String containerId) {
        return docker.attachContainerCmd(containerId)
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(true)
                .withLogs(true)
                .exec(new DockerOutput(containerId));
    }

    /**
     * @return the port the server announced
     * @throws TimeoutException if it announced none within {@code timeout}
     * @throws ExecutionException if the output ended first (the container exited) or the line was malformed
     */
    int awaitPort(Duration timeout) throws InterruptedException, TimeoutException, ExecutionException {
        return port.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void onNext(Frame frame) {
        String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
        synchronized (this) {
            partial.append(text);
            int end;
            while ((end = partial.indexOf("\n")) >= 0) {
                line(partial.substring(0, end));
                partial.delete(0, end + 1);
            }
        }
    }

    private void line(String line) {
        if (!port.isDone() && line.startsWith(ServerOutput.READY_PREFIX)) {
            ServerOutput.announce(port, line);
        }
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
        LOG.debug("[{}] {}", container, line);
    }

    @Override
    public void onError(Throwable error) {
        port.completeExceptionally(new IOException("lost the container's output: " + error, error));
        super.onError(error);
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            if (!partial.isEmpty()) {
                line(partial.toString());
                partial.setLength(0);
            }
        }
        port.completeExceptionally(new EOFException("the container exited before its server announced a port"));
        super.onComplete();
    }

    /** The last lines of the container's output, on lines of their own after a newline; empty when it wrote none. */
    synchronized String logTail() {
        return tail.isEmpty() ? "" : "\nlast lines of docker container " + container + ":\n" + String.join("\n", tail);
    }

    /** Stops following. */
    void stop() {
        try {
            close();
        } catch (IOException e) {
            LOG.debug("closing the output stream of {} failed: {}", container, e.toString());
        }
    }
}
