package io.faasflow.scheduler.runtime;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a function server's standard output on a thread of its own: finds the {@code FUNCTION_SERVER_READY
 * <port>} line and copies every line to a sink. It reads to the end so that a chatty server never blocks on a
 * full pipe.
 */
final class ServerOutput {
    static final String READY_PREFIX = "FUNCTION_SERVER_READY ";

    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private ServerOutput() {
    }

    /**
     * Starts reading {@code stdout}.
     *
     * @param sink where every line goes
     * @param closeSink whether to close the sink at the end of the output (not for {@code System.err})
     */
    static ServerOutput watch(InputStream stdout, OutputStream sink, boolean closeSink, String threadName) {
        ServerOutput output = new ServerOutput();
        Thread.ofPlatform().daemon().name(threadName).start(() -> output.pump(stdout, sink, closeSink));
        return output;
    }

    /**
     * Waits for the READY line.
     *
     * @return the port the server listens on
     * @throws TimeoutException if no READY line came within {@code timeout}
     * @throws ExecutionException if the output ended first or the line was malformed; the cause says which
     */
    int awaitPort(Duration timeout) throws InterruptedException, TimeoutException, ExecutionException {
        return port.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void pump(InputStream stdout, OutputStream sink, boolean closeSink) {
        boolean sinkBroken = false;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!port.isDone() && line.startsWith(READY_PREFIX)) {
                    announce(port, line);
                }
                if (!sinkBroken) {
                    try {
                        sink.write((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
                        sink.flush();
                    } catch (IOException e) {
                        // Keep reading: a server whose pipe fills up blocks. Its later output is lost, not it.
                        sinkBroken = true;
                        System.err.println("function server output: cannot write to its log any more: " + e);
                    }
                }
            }
            port.completeExceptionally(new EOFException("the server's output ended before a "
                    + READY_PREFIX.trim() + " line"));
        } catch (IOException e) {
            port.completeExceptionally(e);
        } finally {
            if (closeSink) {
                try {
                    sink.close();
                } catch (IOException ignored) {
                    // nothing is left to write
                }
            }
        }
    }

    /** Completes {@code port} from a READY line: with its port, or exceptionally when the line is malformed. */
    static void announce(CompletableFuture<Integer> port, String line) {
        String value = line.substring(READY_PREFIX.length()).trim();
        try {
            int number = Integer.parseInt(value);
            if (number < 1 || number > 65_535) {
                throw new NumberFormatException("out of range");
            }
            port.complete(number);
        } catch (NumberFormatException e) {
            port.completeExceptionally(new IOException("the server announced an invalid port: '" + line + "'"));
        }
    }
}
