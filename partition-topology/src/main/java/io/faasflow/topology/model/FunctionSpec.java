package io.faasflow.topology.model;

import java.util.List;
import java.util.Map;

/**
 * One function of a flat workflow, as declared.
 *
 * @param runtimeSeconds profiled runtime estimate in seconds (the synthetic function sleeps this long)
 * @param scale containers reserved for the function (placement input), 0 when absent
 * @param memUsage fraction of the container memory the function uses
 * @param splitRatio foreach fan-out estimate, 1 when absent
 * @param inputs declared inputs in YAML order
 * @param outputs declared outputs in YAML order
 * @param next successors; {@link NextSpec#none()} for a sink
 * @param policy retries and timeout the YAML declares; {@link ExecutionPolicy#DEFAULTS} when none
 */
public record FunctionSpec(
        String name,
        String source,
        double runtimeSeconds,
        int scale,
        double memUsage,
        int splitRatio,
        Map<String, InputSpec> inputs,
        Map<String, OutputSpec> outputs,
        NextSpec next,
        ExecutionPolicy policy) {

    public static final String VIRTUAL_SOURCE = "VIRTUAL";
    public static final String END_SOURCE = "END";

    public FunctionSpec(String name, String source, double runtimeSeconds, int scale, double memUsage, int splitRatio,
            Map<String, InputSpec> inputs, Map<String, OutputSpec> outputs, NextSpec next) {
        this(name, source, runtimeSeconds, scale, memUsage, splitRatio, inputs, outputs, next, ExecutionPolicy.DEFAULTS);
    }

    public FunctionSpec {
        java.util.Objects.requireNonNull(policy, "policy");
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    }

    public FunctionKind kind() {
        if (VIRTUAL_SOURCE.equals(source)) {
            return FunctionKind.VIRTUAL;
        }
        if (END_SOURCE.equals(source)) {
            return FunctionKind.END;
        }
        return FunctionKind.TASK;
    }

    public List<String> successors() {
        return next.nodes();
    }
}
