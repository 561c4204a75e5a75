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
import java.util.Optional;

/** A {@link FunctionContext} whose data goes through a node's {@link StorageAdapter}, placed by the plan. */
public final class StorageBackedContext implements FunctionContext {
    private final String invocationId;
    private final FunctionSpec spec;
    private final PlacementPlan plan;
    private final StorageAdapter storage;
    private final Optional<SyntheticScale> syntheticInputs;

    /**
     * @param syntheticInputs present in a synthetic deployment: a global input the invocation did not give
     *     is then generated here, at its declared size times this scale, instead of being fetched
     */
    public StorageBackedContext(String invocationId, FunctionSpec spec, PlacementPlan plan, StorageAdapter storage,
            Optional<SyntheticScale> syntheticInputs) {
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
        if (input.isGlobal() && syntheticInputs.isPresent()) {
            try {
                return storage.fetch(invocationId, input.ref().storageKey());
            } catch (StorageException notGiven) {
                // The entry node stores only the global inputs an invocation gives; in a synthetic deployment
                // the others are filler of their declared size, made where they are read.
                return SyntheticFunction.filler(syntheticInputs.get().bytes(input.size()));
            }
        }
        return storage.fetch(invocationId, input.ref().storageKey());
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
    }
}
