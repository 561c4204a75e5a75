package io.faasflow.scheduler.runtime;

/**
 * A way to run function containers: each container hosts one function of one deployed workflow version behind
 * the function server's HTTP contract and serves one run at a time. A runtime is shared by a node's
 * {@link ContainerPool}; its owner closes it after the pool.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** {@code "docker"}, {@code "process"} or {@code "inprocess"}. */
    String name();

    /**
     * Cold-starts a container: creates and starts it, waits until its server is ready and initialises it with
     * {@code spec}'s function. Blocks until the container can take a run.
     *
     * @throws ContainerStartException if the container could not be started or initialised; nothing of it is
     *     left running
     * @throws InterruptedException if interrupted while waiting; nothing of the container is left running
     */
    Container start(ContainerSpec spec) throws InterruptedException;

    /** Releases what the runtime itself holds (clients, connections); containers are closed by their owner. */
    @Override
    default void close() {
    }
}
