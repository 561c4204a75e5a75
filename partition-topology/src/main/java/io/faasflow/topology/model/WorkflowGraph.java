package io.faasflow.topology.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Graph view of a workflow whose names are unique and whose successors exist: predecessors, start and sink
 * functions, a topological order, ancestry, and the readers of every datum.
 */
public final class WorkflowGraph {
    private final WorkflowDefinition definition;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<List<String>> predecessors = new ArrayList<>();
    private final List<String> topologicalOrder;
    private Map<DataRef, List<String>> readers;
    private Map<String, Map<String, DataRef>> resolvedInputs;
    private Map<String, BitSet> ancestors;
    /** Functions declaring each output key, latest in topological order first. */
    private Map<String, List<String>> producersByKey;

    public WorkflowGraph(WorkflowDefinition definition) {
        this.definition = definition;
        for (FunctionSpec function : definition.functions()) {
            index.put(function.name(), index.size());
            predecessors.add(new ArrayList<>());
        }
        for (FunctionSpec function : definition.functions()) {
            for (String successor : function.successors()) {
                List<String> parents = predecessors.get(indexOf(successor));
                if (!parents.contains(function.name())) {
                    parents.add(function.name());
                }
            }
        }
        topologicalOrder = kahn();
    }

    public WorkflowDefinition definition() {
        return definition;
    }

    private int indexOf(String function) {
        Integer position = index.get(function);
        if (position == null) {
            throw new IllegalArgumentException("workflow " + definition.name() + " has no function " + function);
        }
        return position;
    }

    /** Distinct predecessors of a function, in YAML order of their declaration. */
    public List<String> predecessors(String function) {
        return Collections.unmodifiableList(predecessors.get(indexOf(function)));
    }

    /** Functions without predecessors, in YAML order. */
    public List<String> startFunctions() {
        return definition.functions().stream().map(FunctionSpec::name).filter(f -> predecessors(f).isEmpty()).toList();
    }

    /** Functions without successors, in YAML order. */
    public List<String> sinkFunctions() {
        return definition.functions().stream().filter(f -> f.successors().isEmpty()).map(FunctionSpec::name).toList();
    }

    /** A topological order (Kahn, ties by YAML order); empty when the graph has a cycle. */
    public Optional<List<String>> topologicalOrder() {
        return topologicalOrder.size() == index.size() ? Optional.of(topologicalOrder) : Optional.empty();
    }

    /** Functions on a cycle, or empty; meaningful only when {@link #topologicalOrder()} is empty. */
    public List<String> functionsOnCycles() {
        List<String> ordered = topologicalOrder;
        return index.keySet().stream().filter(f -> !ordered.contains(f)).toList();
    }

    /** Every datum that some function reads, with its readers in YAML order. Sorted by datum. Needs a DAG. */
    public synchronized Map<DataRef, List<String>> readers() {
        if (readers == null) {
            Map<DataRef, List<String>> byDatum = new TreeMap<>();
            for (FunctionSpec function : definition.functions()) {
                for (DataRef ref : resolvedInputs(function.name()).values()) {
                    List<String> names = byDatum.computeIfAbsent(ref, r -> new ArrayList<>());
                    if (!names.contains(function.name())) {
                        names.add(function.name());
                    }
                }
            }
            readers = Collections.unmodifiableMap(byDatum);
        }
        return readers;
    }

    /**
     * The datum each declared input of a function reads, by input name. An input from {@code INPUT} whose
     * parameter is an output key of an ancestor reads that ancestor's output (the nearest in topological order):
     * FaaSFlow fetches by key, whatever function put it, and its generated workflows name every input
     * {@code INPUT}. Otherwise it reads the global input. Needs a DAG.
     */
    public synchronized Map<String, DataRef> resolvedInputs(String function) {
        if (resolvedInputs == null) {
            resolvedInputs = resolveAll();
        }
        Map<String, DataRef> inputs = resolvedInputs.get(function);
        if (inputs == null) {
            throw new IllegalArgumentException("workflow " + definition.name() + " has no function " + function);
        }
        return inputs;
    }

    private Map<String, Map<String, DataRef>> resolveAll() {
        Map<String, Map<String, DataRef>> result = new HashMap<>();
        for (FunctionSpec function : definition.functions()) {
            Map<String, DataRef> inputs = new LinkedHashMap<>();
            for (InputSpec input : function.inputs().values()) {
                DataRef ref = input.ref();
                if (input.isGlobal()) {
                    List<String> producers = producersOf(function.name(), input.parameter());
                    if (!producers.isEmpty()) {
                        ref = new DataRef(producers.get(0), input.parameter());
                    }
                }
                inputs.put(input.name(), ref);
            }
            result.put(function.name(), Collections.unmodifiableMap(inputs));
        }
        return result;
    }

    /**
     * The ancestors of {@code function} that declare output {@code key}, nearest first (latest in topological
     * order): where FaaSFlow's read of key {@code k}, "whatever function put it", finds its data. Needs a DAG.
     */
    public synchronized List<String> producersOf(String function, String key) {
        if (producersByKey == null) {
            producersByKey = new HashMap<>();
            for (String name : topologicalOrder().orElseThrow(() -> new IllegalStateException("cyclic workflow")).reversed()) {
                for (String output : definition.functions().get(index.get(name)).outputs().keySet()) {
                    producersByKey.computeIfAbsent(output, k -> new ArrayList<>()).add(name);
                }
            }
        }
        BitSet ancestry = ancestors().get(function);
        if (ancestry == null) {
            throw new IllegalArgumentException("workflow " + definition.name() + " has no function " + function);
        }
        return producersByKey.getOrDefault(key, List.of()).stream().filter(p -> ancestry.get(index.get(p))).toList();
    }

    /** Functions that read {@code ref}; empty when none does. */
    public List<String> readersOf(DataRef ref) {
        return readers().getOrDefault(ref, List.of());
    }

    /** All transitive predecessors of every function, as bit sets indexed by YAML position. Needs an acyclic graph. */
    public synchronized Map<String, BitSet> ancestors() {
        if (ancestors != null) {
            return ancestors;
        }
        Map<String, BitSet> result = new LinkedHashMap<>();
        for (String function : topologicalOrder().orElseThrow()) {
            BitSet set = new BitSet(index.size());
            for (String parent : predecessors(function)) {
                set.set(index.get(parent));
                set.or(result.get(parent));
            }
            result.put(function, set);
        }
        ancestors = Collections.unmodifiableMap(result);
        return ancestors;
    }

    /**
     * The foreach functions: those in {@code next.nodes} of a function whose next type is
     * {@link EdgeType#FOREACH}. The engine runs each once per element of its producer's {@code keys} list. YAML order.
     */
    public Set<String> foreachFunctions() {
        Set<String> foreach = new LinkedHashSet<>();
        for (FunctionSpec function : definition.functions()) {
            if (function.next().type() == EdgeType.FOREACH) {
                foreach.addAll(function.successors());
            }
        }
        Set<String> inYamlOrder = new LinkedHashSet<>();
        definition.functions().stream().map(FunctionSpec::name).filter(foreach::contains).forEach(inYamlOrder::add);
        return Collections.unmodifiableSet(inYamlOrder);
    }

    /** Whether {@code function} is a merge function: a successor of a foreach function, run once over all elements. */
    public boolean isMergeFunction(String function) {
        Set<String> foreach = foreachFunctions();
        return predecessors(function).stream().anyMatch(foreach::contains);
    }

    public int position(String function) {
        return indexOf(function);
    }

    private List<String> kahn() {
        int[] remaining = new int[index.size()];
        for (int i = 0; i < remaining.length; i++) {
            remaining[i] = predecessors.get(i).size();
        }
        Deque<String> ready = new ArrayDeque<>();
        for (FunctionSpec function : definition.functions()) {
            if (remaining[index.get(function.name())] == 0) {
                ready.add(function.name());
            }
        }
        List<String> order = new ArrayList<>(index.size());
        while (!ready.isEmpty()) {
            String function = ready.poll();
            order.add(function);
            for (String successor : definition.functions().get(index.get(function)).successors().stream().distinct().toList()) {
                if (--remaining[index.get(successor)] == 0) {
                    ready.add(successor);
                }
            }
        }
        return order;
    }
}
