package io.faasflow.functions.server;

import io.faasflow.functions.FunctionRegistry;
import io.faasflow.functions.WorkflowFunction;
import io.faasflow.topology.model.FunctionSpec;
import java.util.List;
import java.util.Optional;

/**
 * The implementation a function runs, and the registry name it was found under.
 *
 * @param registryName {@code <workflow>/<source>}, {@code <source>} or {@code synthetic}
 * @param function the instance every run of the server uses
 */
record Implementation(String registryName, WorkflowFunction function) {

    /** The first registered of {@link FunctionRegistry#candidates}: the order the in-process runner uses too. */
    static Optional<Implementation> resolve(FunctionRegistry registry, String workflow, FunctionSpec spec,
            boolean synthetic) {
        return registry.resolve(workflow, spec.source(), synthetic)
                .map(found -> new Implementation(found.getKey(), found.getValue()));
    }

    /** The names {@link #resolve} tries, in order. */
    static List<String> candidates(String workflow, FunctionSpec spec, boolean synthetic) {
        return FunctionRegistry.candidates(workflow, spec.source(), synthetic);
    }
}
