package io.faasflow.storage.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Debian {@code redis-server} child process on a free loopback port, without persistence.
 *
 * <p>{@link #start(Path)} returns once the server answers {@code PING}; {@link #close()} stops it. The server log
 * is {@code redis-<port>.log} in the given work directory. Not thread-safe: one owner starts and closes it.
 *
 * <p>{@code try (RedisServerProcess redis = RedisServerProcess.start(dir)) { connect(redis.uri()); }}
 */
public final class RedisServerProcess implements AutoCloseable {
    private static final long READY_TIMEOUT_MS = 10_000;
    private static final long STOP_GRACE_MS = 3_000;

    private final Process process;
    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code redis-server} on a free port of 127.0.0.1 and waits until it answers {@code PING}.
     *
     * @param workDir folder for the server log; created if missing; never null
     * @return the running server, never null
     * @throws IllegalStateException if {@code redis-server} is not installed or does not answer within 10 s
     */
    public static RedisServerProcess start(Path workDir) {
        return start(workDir, FreePorts.next());
    }

    /**
     * Starts {@code redis-server} on {@code port} of 127.0.0.1 (a restart keeps its clients' address), empty.
     *
     * @throws IllegalStateException as {@link #start(Path)}, and when the port is taken
     */
    public static RedisServerProcess start(Path workDir, int port) {
        Path binary = findBinary();
        try {
            Files.createDirectories(workDir);
            Path log = workDir.resolve("redis-" + port + ".log");
            Process process = new ProcessBuilder(List.of(binary.toString(),
                    "--bind", "127.0.0.1", "--port", Integer.toString(port),
                    "--save", "", "--appendonly", "no", "--daemonize", "no"))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            RedisServerProcess server = new RedisServerProcess(process, port);
            server.awaitPong(log);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + binary + " on port " + port, e);
        }
    }

    /** Returns the TCP port the server listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Whether the server process still runs (a crash or kill ends it). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Returns the address for clients, {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server: SIGTERM, then a forced kill if it is still alive after 3 s; returns once it exited. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path findBinary() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/bin/redis-server");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        throw new IllegalStateException("redis-server not found on PATH nor at /usr/bin/redis-server: run "
                + "tools/install-prerequisites.sh (as root) or apt-get install -y redis-server");
    }

    private void awaitPong(Path log) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited with code "
                        + process.exitValue() + "\n" + logTail(log));
            }
            if (pingAnswers()) {
                return;
            }
            sleep(10);
        }
        close();
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING within "
                + READY_TIMEOUT_MS + " ms\n" + logTail(log));
    }

    private boolean pingAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    static String logTail(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - 20), lines.size());
            return "--- last lines of " + log + " ---\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a service to start", e);
        }
    }
}
