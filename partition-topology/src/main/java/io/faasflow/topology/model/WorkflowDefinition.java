package io.faasflow.topology.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow in FaaSFlow's flat format, after loading and validation. Immutable.
 *
 * @param name the workflow name
 * @param functions functions in YAML order
 * @param globalInputs declared global inputs by parameter name (their declared size)
 */
public record WorkflowDefinition(String name, List<FunctionSpec> functions, Map<String, InputSpec> globalInputs) {

    public WorkflowDefinition {
        functions = List.copyOf(functions);
        globalInputs = Collections.unmodifiableMap(new LinkedHashMap<>(globalInputs));
    }

    public Optional<FunctionSpec> function(String functionName) {
        return functions.stream().filter(f -> f.name().equals(functionName)).findFirst();
    }

    public FunctionSpec require(String functionName) {
        return function(functionName)
                .orElseThrow(() -> new IllegalArgumentException("workflow " + name + " has no function " + functionName));
    }

    /** A copy whose outputs have the given sizes (by producer and key) instead of the declared ones. */
    public WorkflowDefinition withOutputSizes(Map<DataRef, Long> sizes) {
        List<FunctionSpec> resized = functions.stream().map(function -> {
            Map<String, OutputSpec> outputs = new LinkedHashMap<>();
            function.outputs().forEach((key, output) -> outputs.put(key, new OutputSpec(key, output.type(),
                    sizes.getOrDefault(new DataRef(function.name(), key), output.size()))));
            return new FunctionSpec(function.name(), function.source(), function.runtimeSeconds(), function.scale(),
                    function.memUsage(), function.splitRatio(), function.inputs(), outputs, function.next(), function.policy());
        }).toList();
        return new WorkflowDefinition(name, resized, globalInputs);
    }

    public WorkflowDefinition withName(String newName) {
        return new WorkflowDefinition(newName, functions, globalInputs);
    }
}
