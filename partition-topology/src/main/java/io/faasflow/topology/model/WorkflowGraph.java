package io.faasflow.topology.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Map<DataRef, List<String>> readers = new TreeMap<>();

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
            for (InputSpec input : function.inputs().values()) {
                readers.computeIfAbsent(input.ref(), ref -> new ArrayList<>()).add(function.name());
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

    /** Every datum that some function reads, with its readers in YAML order. Sorted by datum. */
    public Map<DataRef, List<String>> readers() {
        return Collections.unmodifiableMap(readers);
    }

    /** Functions that read {@code ref}; empty when none does. */
    public List<String> readersOf(DataRef ref) {
        return readers.getOrDefault(ref, List.of());
    }

    /** All transitive predecessors of every function, as bit sets indexed by YAML position. Needs an acyclic graph. */
    public Map<String, BitSet> ancestors() {
        Map<String, BitSet> result = new LinkedHashMap<>();
        for (String function : topologicalOrder().orElseThrow()) {
            BitSet set = new BitSet(index.size());
            for (String parent : predecessors(function)) {
                set.set(index.get(parent));
                set.or(result.get(parent));
            }
            result.put(function, set);
        }
        return result;
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
