package io.faasflow.functions.server;

import io.faasflow.functions.internal.ElementLists;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the server does, apart from HTTP: holds at most one loaded function, runs it, and keeps the foreach
 * lists its runs share. Thread-safe: inits are serialised, runs go concurrently.
 */
final class FunctionHost implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FunctionHost.class.getName());

    private final FunctionLoader loader;
    private final ElementLists elementLists = new ElementLists();
    private final AtomicLong runs = new AtomicLong();
    private final Object initLock = new Object();
    private volatile LoadedFunction loaded;

    FunctionHost(FunctionLoader loader) {
        this.loader = loader;
    }

    StatusResponse status() {
        LoadedFunction current = loaded;
        return current == null
                ? new StatusResponse(StatusResponse.READY, null, runs.get())
                : new StatusResponse(StatusResponse.INITIALIZED, current.init().function(), runs.get());
    }

    /**
     * Loads the function, once. Repeating the init of the loaded function changes nothing (its storage and
     * scales stay those of the first init).
     *
     * @throws InvalidRequestException for a request that names no runnable function
     * @throws HttpFailure 409 when another function is loaded; 503 when storage cannot be reached
     */
    InitResponse init(InitRequest request) {
        request.validate();
        synchronized (initLock) {
            LoadedFunction current = loaded;
            if (current != null) {
                if (!current.init().sameFunctionAs(request)) {
                    throw new HttpFailure(HttpFailure.CONFLICT, "this server serves " + current.init().describe()
                            + " and cannot serve " + request.describe() + "; start another server for it");
                }
                return current.describe();
            }
            LoadedFunction fresh = loader.load(request);
            loaded = fresh;
            InitResponse described = fresh.describe();
            LOG.log(Level.INFO, "serving " + request.describe() + " with implementation " + described.implementation());
            return described;
        }
    }

    /**
     * Runs the loaded function once.
     *
     * @throws InvalidRequestException for a request that does not fit the function
     * @throws HttpFailure 409 before init
     */
    RunResponse run(RunRequest request) {
        request.validate();
        LoadedFunction current = loaded;
        if (current == null) {
            throw new HttpFailure(HttpFailure.CONFLICT, "no function is loaded: POST /init before /run");
        }
        RunResponse response = current.run(request, elementLists);
        runs.incrementAndGet();
        return response;
    }

    ForgetResponse forget(ForgetRequest request) {
        request.validate();
        elementLists.forget(request.invocation());
        return new ForgetResponse(request.invocation());
    }

    /** Closes the loaded function's storage connections. */
    @Override
    public void close() {
        synchronized (initLock) {
            if (loaded != null) {
                loaded.close();
            }
        }
    }
}
