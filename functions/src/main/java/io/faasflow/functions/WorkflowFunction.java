package io.faasflow.functions;

/**
 * What a function author implements: one run of one function for one invocation. Implementations are
 * registered under the {@code source} name that workflows give in their YAML, must be thread-safe (one
 * instance serves concurrent invocations) and should be idempotent: after a crash a run may be repeated.
 *
 * <p>{@code WorkflowFunction upper = ctx -> ctx.put("text", new String(ctx.fetch("text")).toUpperCase().getBytes());}
 */
@FunctionalInterface
public interface WorkflowFunction {

    /**
     * Runs once. Read inputs with {@link FunctionContext#fetch}, write outputs with {@link FunctionContext#put}.
     * Throwing fails this attempt, with the exception's message reported as the error.
     */
    void run(FunctionContext context) throws Exception;
}
