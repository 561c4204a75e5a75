package io.faasflow.functions.internal;

import io.faasflow.functions.ForeachTypes;
import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.RunScope;
import io.faasflow.functions.synthetic.SyntheticFunction;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.model.EdgeType;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.InputSpec;
import io.faasflow.topology.model.OutputSpec;
import io.faasflow.topology.model.WorkflowGraph;
import io.faasflow.topology.placement.Destination;
import io.faasflow.topology.placement.PlacementPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * A {@link FunctionContext} whose data goes through a node's {@link StorageAdapter}, placed by the plan.
 *
 * <p>Storage keys, per invocation: output {@code k} of function {@code F} is {@code F/k}; in run {@code i} of a
 * foreach function it is {@code F/k@i} (same destination as {@code F/k}); field {@code x} of the invocation's
 * input object is {@code INPUT/x}. A {@code keys} output is a UTF-8 JSON array. A named datum ({@link #putNamed})
 * is keyed like an output, {@code F/name} or {@code F/name@i}, and always goes to {@link Destination#DB_MEM}.
 *
 * <p>The time spent in store accesses (the storage calls, with their round trips and serialization, not the
 * function's own work) is measured: {@link #putNanos()} and {@link #fetchNanos()}.
 */
public final class StorageBackedContext implements FunctionContext {
    private final String invocationId;
    private final FunctionSpec spec;
    private final PlacementPlan plan;
    private final StorageAdapter storage;
    private final Optional<SyntheticScale> syntheticInputs;
    private final Map<String, DataRef> inputRefs;
    /** Null only for contexts made by the deprecated constructor, which know no foreach structure. */
    private final WorkflowGraph graph;
    private final Set<String> foreachFunctions;
    private final RunScope scope;
    private final ElementLists elementLists;
    private final Map<String, Long> outputBytes = new ConcurrentHashMap<>();
    private final Map<String, Integer> keyCounts = new ConcurrentHashMap<>();
    private final DataTimes dataTimes = new DataTimes();

    /**
     * A context for one run of {@code spec}.
     *
     * @param graph the deployed workflow: input resolution, foreach functions and split ratios
     * @param syntheticInputs present in a synthetic deployment: a global input the invocation did not give
     *     is then generated here, at its declared size times this scale, instead of being fetched
     * @param scope which run this is: a foreach function's runs have an element, the others none
     * @param elementLists the node's cache of foreach lists, shared by every run on the node
     * @throws IllegalArgumentException when the scope has an element and the function is not a foreach
     *     function, or the other way round
     */
    public StorageBackedContext(String invocationId, FunctionSpec spec, WorkflowGraph graph, PlacementPlan plan,
            StorageAdapter storage, Optional<SyntheticScale> syntheticInputs, RunScope scope, ElementLists elementLists) {
        this.invocationId = invocationId;
        this.spec = spec;
        this.inputRefs = graph.resolvedInputs(spec.name());
        this.graph = graph;
        this.foreachFunctions = graph.foreachFunctions();
        this.plan = plan;
        this.storage = storage;
        this.syntheticInputs = syntheticInputs;
        this.scope = scope;
        this.elementLists = elementLists;
        boolean foreach = foreachFunctions.contains(spec.name());
        if (foreach != scope.isElement()) {
            throw new IllegalArgumentException("function " + spec.name() + (foreach
                    ? " is a foreach function and must run with an element index"
                    : " is not a foreach function but was asked to run as element " + scope.element()));
        }
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
        InputSpec input = declaredInput(inputName);
        DataRef ref = inputRefs.getOrDefault(inputName, input.ref());
        if (foreachFunctions.contains(ref.producer())) {
            throw new IllegalArgumentException("function " + spec.name() + " input '" + inputName + "' reads output '"
                    + ref.key() + "' of foreach function " + ref.producer() + ", which has one value per element: "
                    + "use fetchAll");
        }
        if (ForeachTypes.isKey(input)) {
            ElementList list = elementList(ref);
            return scope.isElement() ? element(list, input, ref) : list.json();
        }
        if (ref.producer().equals(InputSpec.GLOBAL_PRODUCER) && syntheticInputs.isPresent()) {
            Optional<byte[]> given = fetchIfPresent(ref.storageKey());
            // The entry node stores only the global inputs an invocation gives; in a synthetic deployment
            // the others are filler of their declared size, made where they are read.
            return given.orElseGet(() -> SyntheticFunction.filler(syntheticInputs.get().bytes(input.size())));
        }
        return dataTimes.fetch(() -> storage.fetch(invocationId, ref.storageKey()));
    }

    @Override
    public List<byte[]> fetchAll(String inputName) {
        InputSpec input = declaredInput(inputName);
        DataRef ref = inputRefs.getOrDefault(inputName, input.ref());
        if (foreachFunctions.contains(ref.producer())) {
            Integer count = scope.elementCounts().get(ref.producer());
            if (count == null) {
                throw new IllegalStateException("function " + spec.name() + " input '" + inputName
                        + "' reads foreach function " + ref.producer() + ", but this run was given no element count"
                        + " for it (given: " + scope.elementCounts().keySet() + ")");
            }
            List<String> keys = IntStream.range(0, count).mapToObj(ref::elementKey).toList();
            return readAll(keys);
        }
        if (ForeachTypes.isKey(input)) {
            return elementList(ref).elements();
        }
        return List.of(fetch(inputName));
    }

    @Override
    public Optional<byte[]> invocationInput(String field) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("function " + spec.name() + " asked for an invocation input field without a name");
        }
        return fetchIfPresent(new DataRef(InputSpec.GLOBAL_PRODUCER, field).storageKey());
    }

    @Override
    public int plannedElements(String keysOutput) {
        OutputSpec output = spec.outputs().get(keysOutput);
        if (output == null || !ForeachTypes.isKeys(output)) {
            throw new IllegalArgumentException("function " + spec.name() + " declares no output '" + keysOutput
                    + "' of type " + ForeachTypes.KEYS + "; declared: " + spec.outputs().keySet());
        }
        List<String> fed = spec.next().type() == EdgeType.FOREACH ? spec.successors() : List.of();
        return fed.stream()
                .mapToInt(name -> graph.definition().require(name).splitRatio())
                .max()
                .orElseThrow(() -> new IllegalStateException("function " + spec.name() + " output '" + keysOutput
                        + "' is a keys list, but the function feeds no foreach function (next type "
                        + spec.next().type().yamlName() + "), so no element count is planned"));
    }

    @Override
    public void put(String outputKey, byte[] value) {
        OutputSpec output = spec.outputs().get(outputKey);
        // Functions without an output block (the original's examples) write undeclared keys.
        if (!spec.outputs().isEmpty() && output == null) {
            throw new IllegalArgumentException("function " + spec.name() + " declares no output '" + outputKey
                    + "'; declared: " + spec.outputs().keySet());
        }
        Integer elements = null;
        if (output != null && ForeachTypes.isKeys(output)) {
            try {
                elements = ElementList.parse(value).size();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("function " + spec.name() + " output '" + outputKey + "' is of type "
                        + ForeachTypes.KEYS + " and must be a UTF-8 JSON array; the value is " + e.getMessage(), e);
            }
        }
        DataRef ref = new DataRef(spec.name(), outputKey);
        String storageKey = scope.isElement() ? ref.elementKey(scope.element()) : ref.storageKey();
        dataTimes.put(() -> storage.put(invocationId, storageKey, value, plan.destinationOf(ref)));
        outputBytes.put(outputKey, (long) value.length);
        if (elements != null) {
            keyCounts.put(outputKey, elements);
        }
    }

    @Override
    public void putNamed(String name, byte[] value) {
        requireName(name, "store");
        if (spec.outputs().containsKey(name)) {
            throw new IllegalArgumentException("function " + spec.name() + " cannot store named datum '" + name
                    + "': it is a declared output of the function (use put); declared: " + spec.outputs().keySet());
        }
        DataRef ref = new DataRef(spec.name(), name);
        String storageKey = scope.isElement() ? ref.elementKey(scope.element()) : ref.storageKey();
        // No declared edge reads it, so the plan has no destination for it: keep it local and shared.
        dataTimes.put(() -> storage.put(invocationId, storageKey, value, Destination.DB_MEM));
        // Reported with the outputs, so the node removes it when the invocation ends.
        outputBytes.put(name, (long) value.length);
    }

    @Override
    public byte[] fetchNamed(String function, String name) {
        requireProducer(function, name);
        if (foreachFunctions.contains(function)) {
            throw new IllegalStateException("function " + spec.name() + " asked for named datum '" + name + "' of "
                    + function + ", a foreach function with one value per run: use fetchAllNamed");
        }
        return dataTimes.fetch(() -> storage.fetch(invocationId, new DataRef(function, name).storageKey()));
    }

    @Override
    public List<byte[]> fetchAllNamed(String function, String name) {
        requireProducer(function, name);
        if (!foreachFunctions.contains(function)) {
            return List.of(fetchNamed(function, name));
        }
        Integer count = scope.elementCounts().get(function);
        if (count == null) {
            throw new IllegalStateException("function " + spec.name() + " asked for named datum '" + name + "' of"
                    + " foreach function " + function + ", but this run was given no element count for it (given: "
                    + scope.elementCounts().keySet() + ")");
        }
        DataRef ref = new DataRef(function, name);
        List<String> keys = IntStream.range(0, count).mapToObj(ref::elementKey).toList();
        return readAll(keys);
    }

    /** Size of every output and named datum put so far, by output key or name: the observed sizes re-partitioning uses. */
    public Map<String, Long> outputBytes() {
        return Map.copyOf(outputBytes);
    }

    /** Element count of every {@code keys} output put so far, by output key: how many runs its foreach functions get. */
    public Map<String, Integer> keyCounts() {
        return Map.copyOf(keyCounts);
    }

    /** Nanoseconds spent so far in storing outputs and named data. */
    public long putNanos() {
        return dataTimes.putNanos();
    }

    /**
     * Nanoseconds spent so far in reading inputs, lists and named data; reading the values of every run of a
     * foreach function counts as one access, from its first read to its last (they are read concurrently).
     */
    public long fetchNanos() {
        return dataTimes.fetchNanos();
    }

    /** {@link #putNanos()} plus {@link #fetchNanos()}: the run's data overhead. */
    public long dataNanos() {
        return putNanos() + fetchNanos();
    }

    private void requireName(String name, String action) {
        if (name == null || name.isBlank() || name.indexOf('/') >= 0 || name.indexOf('@') >= 0) {
            throw new IllegalArgumentException("function " + spec.name() + " cannot " + action + " named datum '" + name
                    + "': a name must be non-blank without '/' or '@'");
        }
    }

    private void requireProducer(String function, String name) {
        requireName(name, "read");
        if (function == null || graph.definition().function(function).isEmpty()) {
            throw new IllegalArgumentException("function " + spec.name() + " asked for named datum '" + name + "' of"
                    + " function " + function + ", which workflow " + graph.definition().name() + " does not have;"
                    + " functions: " + graph.definition().functions().stream().map(FunctionSpec::name).toList());
        }
    }

    private InputSpec declaredInput(String inputName) {
        InputSpec input = spec.inputs().get(inputName);
        if (input == null) {
            throw new IllegalArgumentException("function " + spec.name() + " declares no input '" + inputName
                    + "'; declared: " + spec.inputs().keySet());
        }
        return input;
    }

    private ElementList elementList(DataRef ref) {
        return dataTimes.fetch(() -> elementLists.get(invocationId, ref.storageKey(),
                () -> storage.fetch(invocationId, ref.storageKey())));
    }

    private byte[] element(ElementList list, InputSpec input, DataRef ref) {
        if (scope.element() >= list.size()) {
            throw new IllegalStateException("function " + spec.name() + " input '" + input.name() + "': this run is element "
                    + scope.element() + " but the list " + ref.storageKey() + " has " + list.size() + " elements");
        }
        return list.element(scope.element());
    }

    private Optional<byte[]> fetchIfPresent(String storageKey) {
        return dataTimes.fetch(() -> storage.find(invocationId, storageKey));
    }

    private List<byte[]> readAll(List<String> storageKeys) {
        return dataTimes.fetch(() -> ConcurrentReads.inOrder(storageKeys, key -> storage.fetch(invocationId, key)));
    }
}
