package io.faasflow.scheduler.engine;

import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.event.NodeEvent;
import io.faasflow.scheduler.event.RunRequestEvent;
import io.faasflow.topology.placement.Destination;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationResult;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** What the {@link NodeEngine} asks the outside world to do. Implementations must not block for long. */
public interface Effects {

    /**
     * Start one try of a hosted function, stopped after {@code timeout}; its end comes back through
     * {@link NodeEngine#onLocalRunEnded}.
     */
    void runFunction(Deployment deployment, RunRequestEvent run, Duration timeout);

    /**
     * Evaluate a switch's conditions against the invocation's data, in the background; the choice comes back
     * through {@link NodeEngine#onLocalRunEnded}.
     */
    void evaluateSwitch(Deployment deployment, RunRequestEvent run);

    /** Send an event to another node's partition. */
    void send(int node, NodeEvent event);

    /** Re-route an invocation record to the node that accepts it. */
    void forwardInvocation(int node, InvocationRecord record);

    /** Publish the final record of an invocation; the future completes once Kafka acknowledged it. */
    CompletableFuture<?> publishResult(InvocationResult result);

    /**
     * Store the invocation's global inputs (by storage key) at the given destinations, in the background; the
     * end comes back through {@link NodeEngine#onGlobalInputsStored}.
     */
    void storeGlobalInputs(String invocation, Map<String, byte[]> values, Map<String, Destination> destinations);

    /** Remove the given storage keys of an invocation from this node's memory and the shared store. */
    void removeData(String invocation, Collection<String> keys);

    /** Interrupt this node's runs of the invocation that are still going, and drop what is cached of it. */
    void stopRuns(String invocation);

    /** Run {@code action}, which concerns {@code invocation}, on the event loop after {@code delay} (not durable: a restart forgets it). */
    void schedule(String invocation, Duration delay, Consumer<NodeEngine> action);

    /** Runs {@code action} on the engine's thread once {@code durable} completed normally; never if it failed. */
    void whenDurable(String invocation, CompletableFuture<?> durable, Runnable action);
}
