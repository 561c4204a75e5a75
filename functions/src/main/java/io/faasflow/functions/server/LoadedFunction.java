package io.faasflow.functions.server;

import io.faasflow.functions.RunScope;
import io.faasflow.functions.internal.ElementLists;
import io.faasflow.functions.internal.StorageBackedContext;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.WorkflowGraph;
import io.faasflow.topology.placement.PlacementPlan;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The served function, ready to run: everything {@code POST /init} prepared once (parsed workflow, resolved
 * implementation, connected storage), shared by every run. Immutable and thread-safe as long as the
 * implementation is, which {@link io.faasflow.functions.WorkflowFunction} requires.
 */
final class LoadedFunction implements AutoCloseable {
    private final InitRequest init;
    private final FunctionSpec spec;
    private final WorkflowGraph graph;
    private final Implementation implementation;
    private final StorageAdapter storage;
    private final Optional<SyntheticScale> syntheticInputs;
    private final boolean foreach;

    /**
     * @param syntheticInputs present in a synthetic deployment: global inputs an invocation lacks are made here
     */
    LoadedFunction(InitRequest init, FunctionSpec spec, WorkflowGraph graph, Implementation implementation,
            StorageAdapter storage, Optional<SyntheticScale> syntheticInputs) {
        this.init = init;
        this.spec = spec;
        this.graph = graph;
        this.implementation = implementation;
        this.storage = storage;
        this.syntheticInputs = syntheticInputs;
        this.foreach = graph.foreachFunctions().contains(spec.name());
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
     * @throws InvalidRequestException when the element index does not fit the function (an element for a
     *     function that is not a foreach function, or none for one that is)
     */
    RunResponse run(RunRequest request, ElementLists elementLists) {
        checkElement(request.element());
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
                context == null ? Map.of() : context.keyCounts());
    }

    private void checkElement(int element) {
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
