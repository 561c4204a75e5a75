package io.faasflow.functions;

import io.faasflow.topology.model.FunctionSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link FunctionContext} over maps, for unit tests of functions. */
final class RecordingContext implements FunctionContext {
    final Map<String, byte[]> inputs = new LinkedHashMap<>();
    final Map<String, byte[]> outputs = new LinkedHashMap<>();
    final java.util.List<String> fetched = new java.util.ArrayList<>();
    private final FunctionSpec spec;

    RecordingContext(FunctionSpec spec) {
        this.spec = spec;
    }

    @Override
    public String invocationId() {
        return "test";
    }

    @Override
    public String workflow() {
        return "test";
    }

    @Override
    public FunctionSpec spec() {
        return spec;
    }

    @Override
    public byte[] fetch(String inputName) {
        fetched.add(inputName);
        return inputs.getOrDefault(inputName, new byte[0]);
    }

    @Override
    public void put(String outputKey, byte[] value) {
        outputs.put(outputKey, value);
    }
}
