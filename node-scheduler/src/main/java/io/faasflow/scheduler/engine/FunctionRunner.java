package io.faasflow.scheduler.engine;

import io.faasflow.functions.FunctionRegistry;
import io.faasflow.functions.WorkflowFunction;
import io.faasflow.functions.internal.StorageBackedContext;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.topology.model.FunctionSpec;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs hosted functions in-process, one virtual thread per run, and hands each end to a callback (the
 * node's event loop). The implementation is the one registered for the function's {@code source}; in a
 * synthetic deployment a source without one runs the synthetic function.
 */
public final class FunctionRunner implements AutoCloseable {
    /** The end of one run. {@code error} is null on success. */
    public record Ended(String invocation, String function, long startMicros, long endMicros, FunctionError error,
            Map<String, Long> outputBytes) {
    }

    private final FunctionRegistry registry;
    private final StorageAdapter storage;
    private final SyntheticScale scale;
    private final Consumer<Ended> onEnded;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public FunctionRunner(FunctionRegistry registry, StorageAdapter storage, SyntheticScale scale, Consumer<Ended> onEnded) {
        this.scale = scale;
        this.registry = registry;
        this.storage = storage;
        this.onEnded = onEnded;
    }

    public void run(Deployment deployment, String invocation, String functionName) {
        FunctionSpec spec = deployment.definition().require(functionName);
        executor.execute(() -> {
            long start = MicroClock.nowMicros();
            FunctionError error = null;
            Map<String, Long> outputBytes = Map.of();
            try {
                Optional<WorkflowFunction> implementation = implementationOf(deployment, spec);
                if (implementation.isEmpty()) {
                    error = new FunctionError("NoImplementation", "no function is registered for source '"
                            + spec.source() + "' and the workflow was not deployed with synthetic=true");
                } else {
                    StorageBackedContext context = new StorageBackedContext(invocation, spec,
                            deployment.graph().resolvedInputs(functionName), deployment.plan(), storage,
                            deployment.synthetic() ? Optional.of(scale) : Optional.empty());
                    try {
                        implementation.get().run(context);
                    } finally {
                        outputBytes = context.outputBytes();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = new FunctionError("Interrupted", "the run was interrupted");
            } catch (Exception | Error e) {
                error = new FunctionError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            }
            onEnded.accept(new Ended(invocation, functionName, start, MicroClock.nowMicros(), error, outputBytes));
        });
    }

    /** Evaluates a switch on a virtual thread; {@code onChosen} gets the branch index (-1: none) or the error. */
    public void evaluateSwitch(Deployment deployment, String invocation, String switchName, SwitchCallback onChosen) {
        executor.execute(() -> {
            long start = MicroClock.nowMicros();
            int branch = -1;
            FunctionError error = null;
            try {
                branch = SwitchEvaluator.choose(deployment, switchName, invocation, storage);
            } catch (RuntimeException e) {
                error = new FunctionError(e.getClass().getSimpleName(), "switch condition: " + e.getMessage());
            }
            onChosen.chosen(invocation, switchName, start, MicroClock.nowMicros(), branch, error);
        });
    }

    /** Receives a switch's choice. */
    @FunctionalInterface
    public interface SwitchCallback {
        void chosen(String invocation, String switchName, long startMicros, long endMicros, int branch, FunctionError error);
    }

    private Optional<WorkflowFunction> implementationOf(Deployment deployment, FunctionSpec spec) {
        Optional<WorkflowFunction> registered = registry.lookup(spec.source());
        if (registered.isPresent() || !deployment.synthetic()) {
            return registered;
        }
        return registry.lookup(FunctionRegistry.SYNTHETIC);
    }

    /** Runs a side task (data cleanup) off the event loop. */
    public void background(Runnable task) {
        executor.execute(task);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
