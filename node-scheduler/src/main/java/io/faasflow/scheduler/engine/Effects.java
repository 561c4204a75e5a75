package io.faasflow.scheduler.engine;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.event.NodeEvent;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationResult;
import java.util.Collection;

/** What the {@link NodeEngine} asks the outside world to do. Implementations must not block for long. */
public interface Effects {

    /** Start one run of a hosted function; its end comes back through {@link NodeEngine#onFunctionEnded}. */
    void runFunction(Deployment deployment, String invocation, String function, int attempt);

    /**
     * Evaluate a switch's conditions against the invocation's data, in the background; the choice comes back
     * through {@link NodeEngine#onSwitchEvaluated}.
     */
    void evaluateSwitch(Deployment deployment, String invocation, String function);

    /** Send an event to another node's partition. */
    void send(int node, NodeEvent event);

    /** Re-route an invocation record to the node that accepts it. */
    void forwardInvocation(int node, InvocationRecord record);

    /** Publish the final record of an invocation; the future completes once Kafka acknowledged it. */
    java.util.concurrent.CompletableFuture<?> publishResult(InvocationResult result);

    /**
     * Store the invocation's global inputs (keys are storage keys), in the background; the end comes back
     * through {@link NodeEngine#onGlobalInputsStored}.
     */
    void storeGlobalInputs(Deployment deployment, String invocation, java.util.Map<String, byte[]> values);

    /** Remove the given storage keys of an invocation from this node's memory and the shared store. */
    void removeData(String invocation, Collection<String> keys);
}
