package io.faasflow.scheduler.engine;

import io.faasflow.functions.FunctionRegistry;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.event.RunRequestEvent;
import io.faasflow.scheduler.runtime.ContainerException;
import io.faasflow.scheduler.runtime.ContainerPool;
import io.faasflow.scheduler.runtime.ContainerRefusedException;
import io.faasflow.scheduler.runtime.ContainerSpec;
import io.faasflow.scheduler.runtime.ContainerStartException;
import io.faasflow.scheduler.runtime.ContainerTimeoutException;
import io.faasflow.scheduler.runtime.PoolWaitTimeoutException;
import io.faasflow.scheduler.runtime.PooledReply;
import io.faasflow.scheduler.runtime.Prewarm;
import io.faasflow.scheduler.runtime.RunCall;
import io.faasflow.scheduler.runtime.RunReply;
import io.faasflow.scheduler.runtime.StorageSettings;
import io.faasflow.topology.model.FunctionKind;
import io.faasflow.topology.model.FunctionSpec;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a try in a container of the node's pool: warm when one is idle, else a cold start within the function's
 * limit, else in line. A container that dies or stops answering fails the try ({@code ContainerDied},
 * {@code TimedOut}), which the engine's retry policy then handles; the pool replaces the container.
 */
public final class PooledExecutor implements TryExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(PooledExecutor.class);
    private final int node;
    private final FunctionRegistry registry;
    private final ContainerPool pool;
    private final StorageSettings storage;
    private final SyntheticScale scale;
    private final long memoryLimitBytes;
    private final String ownerId;
    private final Prewarm prewarm;

    /**
     * @param registry the implementations the function image holds (this node's built-ins): which functions of a
     *     deployment run the same code, and so share containers
     * @param memoryLimitBytes each container's memory limit
     * @param ownerId the owner label of this scheduler's containers
     * @param prewarm containers to start per function when a deployment that this node hosts it in arrives
     */
    public PooledExecutor(int node, FunctionRegistry registry, ContainerPool pool, StorageSettings storage,
            SyntheticScale scale, long memoryLimitBytes, String ownerId, Prewarm prewarm) {
        this.node = node;
        this.registry = registry;
        this.pool = pool;
        this.storage = storage;
        this.scale = scale;
        this.memoryLimitBytes = memoryLimitBytes;
        this.ownerId = ownerId;
        this.prewarm = prewarm;
    }

    @Override
    public Outcome execute(Deployment deployment, RunRequestEvent run, Duration timeout, Runnable started)
            throws InterruptedException {
        Optional<ContainerSpec> found = spec(deployment, run.function());
        if (found.isEmpty()) {
            return Outcome.noImplementation(deployment, deployment.definition().require(run.function()).source());
        }
        try {
            PooledReply pooled = pool.run(found.get(), new RunCall(run.invocation(), run.element(), run.attempt(),
                    run.elementCounts(), run.function()), timeout, started);
            LOG.debug("node {}: {} of {} try {} in container {}: {} start, queue {} ms, start {} ms, run {} ms", node,
                    run.function(), run.invocation(), run.attempt(), pooled.containerId(), pooled.cold() ? "cold" : "warm",
                    pooled.queueWait().toMillis(), pooled.startTime().toMillis(), pooled.runTime().toMillis());
            RunReply reply = pooled.reply();
            return new Outcome(reply.errorType(), reply.errorMessage(), reply.outputBytes(), reply.keyCounts(),
                    reply.putNanos(), reply.fetchNanos());
        } catch (ContainerTimeoutException e) {
            return Outcome.failed("TimedOut", e.getMessage());
        } catch (ContainerStartException e) {
            return Outcome.failed("ContainerStartFailed", e.getMessage());
        } catch (PoolWaitTimeoutException e) {
            return Outcome.failed("PoolWaitTimeout", e.getMessage());
        } catch (ContainerRefusedException e) {
            return Outcome.failed("RunRefused", e.getMessage());
        } catch (ContainerException e) {
            return Outcome.failed("ContainerDied", e.getMessage());
        }
    }

    /** Starts the configured number of containers of each function this node hosts, in the background. */
    @Override
    public void deployed(Deployment deployment) {
        for (FunctionSpec function : deployment.definition().functions()) {
            int count = prewarm.of(deployment.name(), function.name());
            if (count > 0 && function.kind() == FunctionKind.TASK && deployment.plan().nodeOf(function.name()) == node) {
                spec(deployment, function.name()).ifPresent(spec -> Thread.ofVirtual().name("prewarm-" + spec.key())
                        .start(() -> {
                            try {
                                int started = pool.prewarm(spec, count);
                                LOG.info("node {}: pre-warmed {} of {} containers of {}", node, started, count, spec.key());
                            } catch (IllegalStateException closed) {
                                LOG.debug("node {}: no pre-warm of {}: {}", node, spec.key(), closed.getMessage());
                            }
                        }));
            }
        }
    }

    /** The container a function runs in: one of its implementation's; empty when nothing implements it. */
    private Optional<ContainerSpec> spec(Deployment deployment, String function) {
        FunctionSpec declared = deployment.definition().require(function);
        return registry.resolveName(deployment.name(), declared.source(), deployment.synthetic())
                .map(implementation -> new ContainerSpec(node, deployment.deployed(), function, storage, scale.runtime(),
                        scale.size(), memoryLimitBytes, ownerId, implementation));
    }

    @Override
    public void forget(String invocation) {
        pool.forget(invocation);
    }

    @Override
    public void close() {
        pool.close();
        pool.runtime().close();
    }
}
