package io.faasflow.scheduler.engine;

import io.faasflow.functions.FunctionRegistry;
import io.faasflow.functions.RunScope;
import io.faasflow.functions.WorkflowFunction;
import io.faasflow.functions.internal.ElementLists;
import io.faasflow.functions.internal.StorageBackedContext;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.event.RunRequestEvent;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.topology.model.FunctionSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs a try inside the scheduler process, on the calling virtual thread, with the node's storage adapter. No
 * container, no cold start: the default, and what the workflow semantics tests and benchmarks run on.
 */
public final class EmbeddedExecutor implements TryExecutor {
    private final FunctionRegistry registry;
    private final StorageAdapter storage;
    private final SyntheticScale scale;
    private final ElementLists elementLists = new ElementLists();

    public EmbeddedExecutor(FunctionRegistry registry, StorageAdapter storage, SyntheticScale scale) {
        this.registry = registry;
        this.storage = storage;
        this.scale = scale;
    }

    @Override
    public Outcome execute(Deployment deployment, RunRequestEvent run, Duration timeout, Runnable started)
            throws InterruptedException {
        started.run();
        FunctionSpec spec = deployment.definition().require(run.function());
        Optional<WorkflowFunction> implementation = registry.resolve(deployment.name(), spec.source(),
                deployment.synthetic()).map(java.util.Map.Entry::getValue);
        if (implementation.isEmpty()) {
            return Outcome.noImplementation(deployment, spec.source());
        }
        StorageBackedContext context = new StorageBackedContext(run.invocation(), spec, deployment.graph(),
                deployment.plan(), storage, deployment.synthetic() ? Optional.of(scale) : Optional.empty(),
                new RunScope(run.element(), run.elementCounts()), elementLists);
        try {
            implementation.get().run(context);
            return new Outcome(null, null, context.outputBytes(), context.keyCounts(), context.putNanos(),
                    context.fetchNanos());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | Error e) {
            return new Outcome(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), context.outputBytes(),
                    context.keyCounts(), context.putNanos(), context.fetchNanos());
        }
    }

    @Override
    public void forget(String invocation) {
        elementLists.forget(invocation);
    }

    @Override
    public void close() {
    }
}
