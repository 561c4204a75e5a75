package io.faasflow.functions;

import io.faasflow.topology.model.FunctionSpec;

/**
 * What a running function sees: its invocation, its declaration, and its data. Not thread-safe across
 * invocations; one context serves one run.
 */
public interface FunctionContext {

    String invocationId();

    String workflow();

    /** The function's declaration: name, runtime estimate, inputs and outputs. Never null. */
    FunctionSpec spec();

    /**
     * The value of a declared input, by argument name (the key under {@code input:} in the YAML).
     *
     * @throws IllegalArgumentException when the function declares no such input
     * @throws io.faasflow.storage.StorageException when the datum is in neither store
     */
    byte[] fetch(String inputName);

    /**
     * Stores a declared output, by output key; the placement decides where it goes.
     *
     * @throws IllegalArgumentException when the function declares no such output
     */
    void put(String outputKey, byte[] value);
}
