package io.faasflow.functions.internal;

import io.faasflow.functions.RunScope;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.model.WorkflowGraph;
import io.faasflow.topology.placement.FixedPlacement;
import io.faasflow.topology.placement.PlacementPlan;
import io.faasflow.topology.placement.PlacementPlanner;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Makes {@link StorageBackedContext}s of one workflow on one node over in-memory stores, for tests. */
public final class ContextFactory {
    public final InMemoryDataStore local = new InMemoryDataStore("MEM");
    public final InMemoryDataStore remote = new InMemoryDataStore("DB");
    public final StorageAdapter storage = new StorageAdapter(local, remote);
    public final ElementLists elementLists = new ElementLists();
    public final WorkflowGraph graph;
    public final PlacementPlan plan;

    public ContextFactory(WorkflowDefinition workflow) {
        Map<String, Integer> nodes = new LinkedHashMap<>();
        workflow.functions().forEach(function -> nodes.put(function.name(), 0));
        this.graph = new WorkflowGraph(workflow);
        this.plan = new PlacementPlanner(new FixedPlacement(nodes)).plan(workflow, 1);
    }

    public StorageBackedContext context(String invocation, String function, RunScope scope) {
        FunctionSpec spec = graph.definition().require(function);
        return new StorageBackedContext(invocation, spec, graph, plan, storage, Optional.empty(), scope, elementLists);
    }

    /** Stores a field of the invocation's input, as the entry node does. */
    public void giveInput(String invocation, String field, String value) {
        local.put(invocation, "INPUT/" + field, value.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] stored(String invocation, String storageKey) {
        return storage.fetch(invocation, storageKey);
    }

    /** A synthetic-deployment context (global inputs the invocation lacks are filler). */
    public StorageBackedContext syntheticContext(String invocation, String function, RunScope scope) {
        FunctionSpec spec = graph.definition().require(function);
        return new StorageBackedContext(invocation, spec, graph, plan, storage, Optional.of(SyntheticScale.UNSCALED),
                scope, elementLists);
    }
}
