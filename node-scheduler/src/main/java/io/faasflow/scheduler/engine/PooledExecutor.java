package io.faasflow.scheduler.engine;

import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.event.RunRequestEvent;
import io.faasflow.scheduler.runtime.ContainerException;
import io.faasflow.scheduler.runtime.ContainerPool;
import io.faasflow.scheduler.runtime.ContainerSpec;
import io.faasflow.scheduler.runtime.ContainerStartException;
import io.faasflow.scheduler.runtime.ContainerTimeoutException;
import io.faasflow.scheduler.runtime.PoolWaitTimeoutException;
import io.faasflow.scheduler.runtime.PooledReply;
import io.faasflow.scheduler.runtime.RunCall;
import io.faasflow.scheduler.runtime.StorageSettings;
import java.time.Duration;

/**
 * Runs a try in a container of the node's pool: warm when one is idle, else a cold start within the function's
 * limit, else in line. A container that dies or stops answering fails the try ({@code ContainerDied},
 * {@code TimedOut}), which the engine's retry policy then handles; the pool replaces the container.
 */
public final class PooledExecutor implements TryExecutor {
    private final int node;
    private final ContainerPool pool;
    private final StorageSettings storage;
    private final SyntheticScale scale;
    private final String ownerId;

    public PooledExecutor(int node, ContainerPool pool, StorageSettings storage, SyntheticScale scale, String ownerId) {
        this.node = node;
        this.pool = pool;
        this.storage = storage;
        this.scale = scale;
        this.ownerId = ownerId;
    }

    @Override
    public Outcome execute(Deployment deployment, RunRequestEvent run, Duration timeout) throws InterruptedException {
        ContainerSpec spec = ContainerSpec.of(node, deployment.deployed(), run.function(), storage, scale.runtime(),
                scale.size(), ownerId);
        try {
            PooledReply pooled = pool.run(spec, new RunCall(run.invocation(), run.element(), run.attempt(),
                    run.elementCounts()), timeout);
            return new Outcome(pooled.reply().errorType(), pooled.reply().errorMessage(), pooled.reply().outputBytes(),
                    pooled.reply().keyCounts());
        } catch (ContainerTimeoutException e) {
            return Outcome.failed("TimedOut", e.getMessage());
        } catch (ContainerStartException e) {
            return Outcome.failed("ContainerStartFailed", e.getMessage());
        } catch (PoolWaitTimeoutException e) {
            return Outcome.failed("PoolWaitTimeout", e.getMessage());
        } catch (ContainerException e) {
            return Outcome.failed("ContainerDied", e.getMessage());
        }
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
