package io.faasflow.functions;

import io.faasflow.topology.model.FunctionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link FunctionContext} over maps, for unit tests of functions. */
final class RecordingContext implements FunctionContext {
    final Map<String, byte[]> inputs = new LinkedHashMap<>();
    /** What {@link #fetchAll} gives, by input; an input not here gives a one-element list of {@link #fetch}. */
    final Map<String, List<byte[]>> inputLists = new LinkedHashMap<>();
    final Map<String, byte[]> invocationInputs = new LinkedHashMap<>();
    final Map<String, Integer> plannedElements = new LinkedHashMap<>();
    final Map<String, byte[]> outputs = new LinkedHashMap<>();
    /** Named data this run stored, by name. */
    final Map<String, byte[]> namedOutputs = new LinkedHashMap<>();
    /** What {@link #fetchNamed} gives, by {@code function/name}; {@link #fetchAllNamed} gives a one-element list of it
     * unless {@link #namedLists} has the key. */
    final Map<String, byte[]> namedInputs = new LinkedHashMap<>();
    final Map<String, List<byte[]>> namedLists = new LinkedHashMap<>();
    /** Inputs read, by fetch or fetchAll, in order. */
    final List<String> fetched = new ArrayList<>();
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
    public List<byte[]> fetchAll(String inputName) {
        if (inputLists.containsKey(inputName)) {
            fetched.add(inputName);
            return inputLists.get(inputName);
        }
        return List.of(fetch(inputName));
    }

    @Override
    public Optional<byte[]> invocationInput(String field) {
        return Optional.ofNullable(invocationInputs.get(field));
    }

    @Override
    public int plannedElements(String keysOutput) {
        Integer planned = plannedElements.get(keysOutput);
        if (planned == null) {
            throw new IllegalStateException("test set no planned element count for output '" + keysOutput + "'");
        }
        return planned;
    }

    @Override
    public void put(String outputKey, byte[] value) {
        outputs.put(outputKey, value);
    }

    @Override
    public void putNamed(String name, byte[] value) {
        namedOutputs.put(name, value);
    }

    @Override
    public byte[] fetchNamed(String function, String name) {
        byte[] value = namedInputs.get(function + "/" + name);
        if (value == null) {
            throw new IllegalStateException("test set no named datum '" + name + "' of function " + function);
        }
        return value;
    }

    @Override
    public List<byte[]> fetchAllNamed(String function, String name) {
        List<byte[]> values = namedLists.get(function + "/" + name);
        return values != null ? values : List.of(fetchNamed(function, name));
    }
}
