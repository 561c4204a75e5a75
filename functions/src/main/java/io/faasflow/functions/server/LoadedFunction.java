package io.faasflow.functions.server;

import io.faasflow.functions.RunScope;
import io.faasflow.functions.internal.ElementLists;
import io.faasflow.functions.internal.StorageBackedContext;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.topology.model.FunctionKind;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.WorkflowGraph;
import io.faasflow.topology.placement.PlacementPlan;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The served implementation, ready to run: everything {@code POST /init} prepared once (parsed workflow, resolved
 * implementation, connected storage), shared by every run. A run names its function, or runs the function of
 * {@code /init}; any function of the deployment that resolves to the same implementation may run, so functions
 * that run the same code (every function of a synthetic deployment) share containers. Immutable and
 * thread-safe as long as the implementation is, which {@link io.faasflow.functions.WorkflowFunction} requires.
 */
final class LoadedFunction implements AutoCloseable {
    private final InitRequest init;
    private final FunctionSpec spec;
    private final WorkflowGraph graph;
    private final Implementation implementation;
    private final Function<FunctionSpec, Optional<Implementation>> resolver;
    private final StorageAdapter storage;
    private final Optional<SyntheticScale> syntheticInputs;

    /**
     * @param resolver the implementation another function of the deployment would run
     * @param syntheticInputs present in a synthetic deployment: global inputs an invocation lacks are made here
     */
    LoadedFunction(InitRequest init, FunctionSpec spec, WorkflowGraph graph, Implementation implementation,
            Function<FunctionSpec, Optional<Implementation>> resolver, StorageAdapter storage,
            Optional<SyntheticScale> syntheticInputs) {
        this.init = init;
        this.spec = spec;
        this.graph = graph;
        this.implementation = implementation;
        this.resolver = resolver;
        this.storage = storage;
        this.syntheticInputs = syntheticInputs;
    }

    /** The init request this was loaded from. */
    InitRequest init() {
        return init;
    }

    InitResponse describe() {
        return new InitResponse(spec.name(), implementation.registryName());
    }

    /**
     * Runs the function once. What the function throws is reported in the answer, as the in-process runner
     * reports it; only a request that does not fit the function is refused.
     *
     * @throws InvalidRequestException when the function is not one this implementation serves, or the element
     *     index does not fit it (an element for a function that is not a foreach function, or none for one that is)
     */
    RunResponse run(RunRequest request, ElementLists elementLists) {
        FunctionSpec spec = functionOf(request);
        checkElement(spec, request.element());
        PlacementPlan plan = init.deployment().plan();
        long start = epochMicros();
        StorageBackedContext context = null;
        String errorType = null;
        String errorMessage = null;
        try {
            context = new StorageBackedContext(request.invocation(), spec, graph, plan, storage, syntheticInputs,
                    new RunScope(request.element(), request.elementCounts()), elementLists);
            implementation.function().run(context);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errorType = "Interrupted";
            errorMessage = "the run was interrupted";
        } catch (Exception | Error e) {
            // Whatever the function throws fails this try only; the scheduler's retry policy decides what follows.
            errorType = e.getClass().getSimpleName();
            errorMessage = String.valueOf(e.getMessage());
        }
        long end = epochMicros();
        return new RunResponse(start, end, errorType, errorMessage,
                context == null ? Map.of() : context.outputBytes(),
                context == null ? Map.of() : context.keyCounts(),
                context == null ? 0 : context.putNanos(), context == null ? 0 : context.fetchNanos());
    }

    private FunctionSpec functionOf(RunRequest request) {
        if (request.function() == null || request.function().equals(spec.name())) {
            return spec;
        }
        FunctionSpec other = graph.definition().function(request.function()).orElseThrow(() -> new InvalidRequestException(
                "function", "is '" + request.function() + "', which names no function of " + graph.definition().name()));
        String otherImplementation = other.kind() == FunctionKind.TASK
                ? resolver.apply(other).map(Implementation::registryName).orElse("none") : other.kind().name();
        if (!otherImplementation.equals(implementation.registryName())) {
            throw new InvalidRequestException("function", "is " + other.name() + ", which runs " + otherImplementation
                    + "; this server runs " + implementation.registryName() + " (initialised for " + spec.name() + ")");
        }
        return other;
    }

    private void checkElement(FunctionSpec spec, int element) {
        boolean foreach = graph.foreachFunctions().contains(spec.name());
        if (foreach && element < 0) {
            throw new InvalidRequestException("element", "is " + element + ", but function " + spec.name()
                    + " is a foreach function: give the index of the element this run handles");
        }
        if (!foreach && element >= 0) {
            throw new InvalidRequestException("element", "is " + element + ", but function " + spec.name()
                    + " is not a foreach function: give -1");
        }
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** Closes the storage connections. */
    @Override
    public void close() {
        storage.close();
    }
}
