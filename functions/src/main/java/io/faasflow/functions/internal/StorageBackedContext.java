package io.faasflow.functions.internal;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.synthetic.SyntheticFunction;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.storage.StorageException;
import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.InputSpec;
import io.faasflow.topology.placement.PlacementPlan;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link FunctionContext} whose data goes through a node's {@link StorageAdapter}, placed by the plan. */
public final class StorageBackedContext implements FunctionContext {
    private final String invocationId;
    private final FunctionSpec spec;
    private final PlacementPlan plan;
    private final StorageAdapter storage;
    private final Optional<SyntheticScale> syntheticInputs;
    private final Map<String, DataRef> inputRefs;
    private final Map<String, Long> outputBytes = new ConcurrentHashMap<>();

    /**
     * @param inputRefs the datum each input reads ({@code WorkflowGraph#resolvedInputs})
     * @param syntheticInputs present in a synthetic deployment: a global input the invocation did not give
     *     is then generated here, at its declared size times this scale, instead of being fetched
     */
    public StorageBackedContext(String invocationId, FunctionSpec spec, Map<String, DataRef> inputRefs,
            PlacementPlan plan, StorageAdapter storage, Optional<SyntheticScale> syntheticInputs) {
        this.inputRefs = inputRefs;
        this.invocationId = invocationId;
        this.spec = spec;
        this.plan = plan;
        this.storage = storage;
        this.syntheticInputs = syntheticInputs;
    }

    @Override
    public String invocationId() {
        return invocationId;
    }

    @Override
    public String workflow() {
        return plan.workflow();
    }

    @Override
    public FunctionSpec spec() {
        return spec;
    }

    @Override
    public byte[] fetch(String inputName) {
        InputSpec input = spec.inputs().get(inputName);
        if (input == null) {
            throw new IllegalArgumentException("function " + spec.name() + " declares no input '" + inputName
                    + "'; declared: " + spec.inputs().keySet());
        }
        DataRef ref = inputRefs.getOrDefault(inputName, input.ref());
        if (ref.producer().equals(InputSpec.GLOBAL_PRODUCER) && syntheticInputs.isPresent()) {
            try {
                return storage.fetch(invocationId, ref.storageKey());
            } catch (StorageException notGiven) {
                // The entry node stores only the global inputs an invocation gives; in a synthetic deployment
                // the others are filler of their declared size, made where they are read.
                return SyntheticFunction.filler(syntheticInputs.get().bytes(input.size()));
            }
        }
        return storage.fetch(invocationId, ref.storageKey());
    }

    @Override
    public void put(String outputKey, byte[] value) {
        // Functions without an output block (the original's examples) write undeclared keys.
        if (!spec.outputs().isEmpty() && !spec.outputs().containsKey(outputKey)) {
            throw new IllegalArgumentException("function " + spec.name() + " declares no output '" + outputKey
                    + "'; declared: " + spec.outputs().keySet());
        }
        DataRef ref = new DataRef(spec.name(), outputKey);
        storage.put(invocationId, ref.storageKey(), value, plan.destinationOf(ref));
        outputBytes.put(outputKey, (long) value.length);
    }

    /** Size of every output put so far, by output key: the observed sizes re-partitioning uses. */
    public Map<String, Long> outputBytes() {
        return Map.copyOf(outputBytes);
    }
}
