package io.faasflow.functions.server;

import com.sun.net.httpserver.HttpServer;
import io.faasflow.functions.BuiltInFunctions;
import io.faasflow.functions.FunctionRegistry;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.storage.StorageConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The container-side function server: serves one function of one deployed workflow version over HTTP, loaded
 * once by {@code POST /init} and reused by every {@code POST /run}. Each request is handled on a virtual thread,
 * so runs go concurrently. The routes and their JSON are the records of this package.
 *
 * <pre>{@code
 * try (FunctionServer server = FunctionServer.start("127.0.0.1", 0)) {
 *     int port = server.port();
 *     ...
 * }
 * }</pre>
 */
public final class FunctionServer implements AutoCloseable {
    /** How long {@link #close} lets requests in progress finish. */
    private static final int STOP_GRACE_SECONDS = 2;

    private final HttpServer http;
    private final ExecutorService executor;
    private final FunctionHost host;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private FunctionServer(HttpServer http, ExecutorService executor, FunctionHost host) {
        this.http = http;
        this.executor = executor;
        this.host = host;
    }

    /** Starts a server whose init connects to real storage and uses the built-in functions. */
    public static FunctionServer start(String host, int port) {
        return start(host, port, StorageAdapter::connect);
    }

    /**
     * Starts a server using the built-in functions, whose init opens storage with {@code connector}: tests pass
     * one that returns an adapter over in-memory stores.
     *
     * @param port the port to listen on; 0 picks a free one (see {@link #port})
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static FunctionServer start(String host, int port, Function<StorageConfig, StorageAdapter> connector) {
        return start(host, port, connector, BuiltInFunctions::registry);
    }

    /** As {@link #start(String, int, Function)}, with the registry built at init by {@code registries}. */
    static FunctionServer start(String host, int port, Function<StorageConfig, StorageAdapter> connector,
            Function<SyntheticScale, FunctionRegistry> registries) {
        FunctionHost functionHost = new FunctionHost(new FunctionLoader(connector, registries));
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(executor);
        http.createContext("/", new FunctionServerHandler(functionHost));
        http.start();
        return new FunctionServer(http, executor, functionHost);
    }

    /** The port the server listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The address the server listens on. */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** Blocks until {@link #close} has run. */
    public void awaitClosed() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops listening, lets requests in progress finish for a short grace period, interrupts what is left and
     * closes storage. Repeating it is harmless.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            http.stop(STOP_GRACE_SECONDS);
            executor.shutdownNow();
            host.close();
        } finally {
            stopped.countDown();
        }
    }
}
