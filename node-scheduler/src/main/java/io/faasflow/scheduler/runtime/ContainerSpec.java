package io.faasflow.scheduler.runtime;

import io.faasflow.topology.wire.DeployedWorkflow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to start a container for: one function of one deployed workflow version on one node, and the settings
 * its function server is initialised with.
 *
 * @param node the node the container belongs to
 * @param deployment the deployed workflow version (sent whole to {@code /init})
 * @param function the function's name in the workflow
 * @param storage where the function reads and writes data
 * @param runtimeScale multiplier of declared runtimes in the synthetic function
 * @param sizeScale multiplier of declared sizes in the synthetic function
 * @param memoryLimitBytes the container's memory limit ({@link #DEFAULT_MEMORY_LIMIT_BYTES} as in the original's
 *     model); the process runtime takes it as the child's heap limit
 * @param ownerId identifies the scheduler instance that owns the container, so that a restarted scheduler can
 *     tell its own containers from others'
 * @param implementation the registry name of the code the container runs ({@code <workflow>/<source>},
 *     {@code <source>} or {@code synthetic}): every function of the deployment that runs it may use the container
 */
public record ContainerSpec(int node, DeployedWorkflow deployment, String function, StorageSettings storage,
        double runtimeScale, double sizeScale, long memoryLimitBytes, String ownerId, String implementation) {

    public static final long DEFAULT_MEMORY_LIMIT_BYTES = 256L * 1024 * 1024;
    /** Below this a JVM function server cannot start. */
    public static final long MIN_MEMORY_LIMIT_BYTES = 32L * 1024 * 1024;

    public static final String LABEL_NODE = "io.faasflow.node";
    public static final String LABEL_WORKFLOW = "io.faasflow.workflow";
    public static final String LABEL_VERSION = "io.faasflow.version";
    public static final String LABEL_FUNCTION = "io.faasflow.function";
    public static final String LABEL_OWNER = "io.faasflow.owner";
    public static final String LABEL_IMPLEMENTATION = "io.faasflow.implementation";

    public ContainerSpec {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(implementation, "implementation");
        if (node < 0) {
            throw new IllegalArgumentException("node must be at least 0; got " + node);
        }
        if (!(runtimeScale >= 0) || !(sizeScale >= 0)) {
            throw new IllegalArgumentException("scales must be at least 0; got runtime " + runtimeScale + ", size " + sizeScale);
        }
        if (memoryLimitBytes < MIN_MEMORY_LIMIT_BYTES) {
            throw new IllegalArgumentException("memory limit of " + function + " must be at least "
                    + MIN_MEMORY_LIMIT_BYTES + " bytes; got " + memoryLimitBytes);
        }
    }

    /** A spec whose container serves {@code function} alone (its implementation named after it). */
    public ContainerSpec(int node, DeployedWorkflow deployment, String function, StorageSettings storage,
            double runtimeScale, double sizeScale, long memoryLimitBytes, String ownerId) {
        this(node, deployment, function, storage, runtimeScale, sizeScale, memoryLimitBytes, ownerId, function);
    }

    /** A spec with the default memory limit. */
    public static ContainerSpec of(int node, DeployedWorkflow deployment, String function, StorageSettings storage,
            double runtimeScale, double sizeScale, String ownerId) {
        return new ContainerSpec(node, deployment, function, storage, runtimeScale, sizeScale,
                DEFAULT_MEMORY_LIMIT_BYTES, ownerId);
    }

    /** This spec with the stores at other addresses (as a container on another network reaches them). */
    public ContainerSpec withStorage(StorageSettings reachable) {
        return new ContainerSpec(node, deployment, function, reachable, runtimeScale, sizeScale, memoryLimitBytes,
                ownerId, implementation);
    }

    /** This spec with another memory limit. */
    public ContainerSpec withMemoryLimit(long bytes) {
        return new ContainerSpec(node, deployment, function, storage, runtimeScale, sizeScale, bytes, ownerId,
                implementation);
    }

    /** The pool key: containers of equal keys are interchangeable. */
    public PoolKey key() {
        return new PoolKey(deployment.name(), deployment.version(), implementation);
    }

    /** Labels that mark a container as this node's, this function's and this owner's. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL_NODE, Integer.toString(node));
        labels.put(LABEL_WORKFLOW, deployment.name());
        labels.put(LABEL_VERSION, Long.toString(deployment.version()));
        labels.put(LABEL_FUNCTION, function);
        labels.put(LABEL_IMPLEMENTATION, implementation);
        labels.put(LABEL_OWNER, ownerId);
        return Collections.unmodifiableMap(labels);
    }
}
