package io.faasflow.topology.partition;

import io.faasflow.topology.model.DataRef;
import io.faasflow.topology.model.FunctionKind;
import io.faasflow.topology.model.FunctionSpec;
import io.faasflow.topology.model.InputSpec;
import io.faasflow.topology.model.OutputSpec;
import io.faasflow.topology.model.WorkflowDefinition;
import io.faasflow.topology.model.WorkflowGraph;
import io.faasflow.topology.placement.Placement;
import io.faasflow.topology.placement.PlacementStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FaaSFlow's grouping (ASPLOS'22, §2.3 of the project's notes on the original): every function starts as its
 * own group; each iteration finds the critical path (runtimes plus data transfer time per edge, an edge inside
 * a group costing 1/ratio) and merges the groups at the end of its heaviest edge that the constraints allow:
 * node capacity in scale units (best fit; the union may move to a third node), the workflow's memory quota, and
 * the group-size limit. It stops when one group is left or the critical path cannot be improved.
 *
 * <p>Unlike the original: the initial placement is a deterministic round-robin in topological order; an edge
 * weighs the bytes the consumer actually reads from the producer; memory is charged per datum moved into
 * memory; a function that finds no node with room goes to the node with the most left, which the plan names as
 * over-committed ({@link Admission#OVERCOMMIT}, the default, as the original, whose capacity limits merges only),
 * or the workflow is refused ({@link Admission#STRICT}); nothing is shared between runs except the
 * {@link ClusterCapacity} a caller passes on purpose.
 */
public final class GroupingPartitioner implements PlacementStrategy {
    public static final String NAME = "grouping";
    private static final double EPSILON = 1e-12;

    private final PartitionerConfig config;
    private final ClusterCapacity shared;
    private final Admission admission;

    /** Partitions each workflow on an empty cluster, over-committing a node where a workflow does not fit. */
    public GroupingPartitioner(PartitionerConfig config) {
        this(config, null, Admission.OVERCOMMIT);
    }

    /**
     * Partitions on the capacity {@code shared} has left, and takes from it what each workflow uses: workflows
     * co-deployed through one instance share the cluster in the order they are partitioned.
     */
    public GroupingPartitioner(PartitionerConfig config, ClusterCapacity shared) {
        this(config, shared, Admission.OVERCOMMIT);
    }

    /** As {@link #GroupingPartitioner(PartitionerConfig, ClusterCapacity)}, with what to do when it does not fit. */
    public GroupingPartitioner(PartitionerConfig config, ClusterCapacity shared, Admission admission) {
        this.config = config;
        this.shared = shared;
        this.admission = java.util.Objects.requireNonNull(admission, "admission");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Integer> place(WorkflowGraph graph, int nodes) {
        return placeDetailed(graph, nodes).functionNodes();
    }

    @Override
    public Placement placeDetailed(WorkflowGraph graph, int nodes) {
        ClusterCapacity capacity = shared != null ? shared : ClusterCapacity.empty(nodes, config);
        if (capacity.nodes() != nodes) {
            throw new IllegalArgumentException("shared capacity is for " + capacity.nodes() + " nodes, not " + nodes);
        }
        synchronized (capacity) {
            Run run = new Run(graph, capacity.remaining());
            run.partition();
            capacity.set(run.capacity);
            return run.result();
        }
    }

    /** The state of one partitioning: reset for every workflow. */
    private final class Run {
        private final WorkflowGraph graph;
        private final WorkflowDefinition workflow;
        private final int n;
        private final int[] order;
        private final int[][] predecessors;
        /** {@code incoming[v][i]} is the edge from {@code predecessors[v][i]}. */
        private final Edge[][] incoming;
        private final List<List<Edge>> outgoing = new ArrayList<>();
        private int groups;
        private final double[] runtime;
        private final int[] scale;
        private final double[] capacity;
        private final int[] groupOf;
        private final List<List<Integer>> members = new ArrayList<>();
        private final List<Integer> groupScale = new ArrayList<>();
        private final List<Integer> groupNode = new ArrayList<>();
        private final Set<DataRef> charged = new HashSet<>();
        private final long memoryQuota;
        private long memoryUsed;
        private final LinkedHashSet<RejectedMerge> rejected = new LinkedHashSet<>();
        private int iterations;
        private List<Integer> lastPath = List.of();
        private double lastLength;

        Run(WorkflowGraph graph, double[] capacity) {
            this.graph = graph;
            this.workflow = graph.definition();
            this.n = workflow.functions().size();
            this.capacity = capacity;
            this.order = graph.topologicalOrder().orElseThrow(() -> new IllegalArgumentException("cyclic workflow"))
                    .stream().mapToInt(graph::position).toArray();
            this.predecessors = new int[n][];
            this.runtime = new double[n];
            this.scale = new int[n];
            this.groupOf = new int[n];
            long quota = 0;
            for (int i = 0; i < n; i++) {
                FunctionSpec function = workflow.functions().get(i);
                runtime[i] = function.runtimeSeconds();
                scale[i] = function.scale();
                predecessors[i] = graph.predecessors(function.name()).stream().mapToInt(graph::position).toArray();
                if (function.kind() == FunctionKind.TASK) {
                    quota += (long) ((1 - config.reservedMemory() - function.memUsage()) * config.containerMemory()
                            * Math.max(1, function.splitRatio()));
                }
            }
            this.memoryQuota = Math.max(0, quota);
            this.incoming = new Edge[n][];
            for (int v = 0; v < n; v++) {
                outgoing.add(new ArrayList<>());
            }
            for (int v = 0; v < n; v++) {
                incoming[v] = new Edge[predecessors[v].length];
                for (int i = 0; i < predecessors[v].length; i++) {
                    incoming[v][i] = edge(predecessors[v][i], v);
                    outgoing.get(predecessors[v][i]).add(incoming[v][i]);
                }
            }
        }

        /** The data the consumer reads from the producer: bytes and the datums concerned. */
        private Edge edge(int u, int v) {
            FunctionSpec producer = workflow.functions().get(u);
            FunctionSpec consumer = workflow.functions().get(v);
            Map<DataRef, Long> read = new LinkedHashMap<>();
            Map<String, DataRef> resolved = graph.resolvedInputs(consumer.name());
            for (InputSpec input : consumer.inputs().values()) {
                DataRef ref = resolved.get(input.name());
                if (ref.producer().equals(producer.name())) {
                    OutputSpec output = producer.outputs().get(ref.key());
                    read.put(ref, output != null ? output.size() : input.size());
                }
            }
            long bytes = read.values().stream().mapToLong(Long::longValue).sum();
            return new Edge(u, v, bytes / config.networkBandwidth(), bytes, read);
        }

        void partition() {
            placeInitially();
            while (groups > 1) {
                iterations++;
                List<Edge> path = criticalPathEdges();
                path.sort(Comparator.comparingDouble(Edge::seconds).reversed());
                boolean merged = false;
                for (Edge edge : path) {
                    if (groupOf[edge.u()] != groupOf[edge.v()] && tryMerge(edge)) {
                        merged = true;
                        break;
                    }
                }
                if (!merged) {
                    break;
                }
            }
            criticalPathEdges();
        }

        private void placeInitially() {
            int next = 0;
            for (int f : order) {
                int node = -1;
                for (int tried = 0; tried < capacity.length; tried++) {
                    int candidate = (next + tried) % capacity.length;
                    if (capacity[candidate] + EPSILON >= scale[f]) {
                        node = candidate;
                        break;
                    }
                }
                if (node < 0 && admission == Admission.STRICT) {
                    throw new IllegalArgumentException("workflow " + workflow.name() + " does not fit: function "
                            + workflow.functions().get(f).name() + " needs " + scale[f] + " scale units and no node has "
                            + "them left (left: " + Arrays.toString(capacity) + ")");
                }
                if (node < 0) {
                    node = mostLeft(next);
                }
                capacity[node] -= scale[f];
                groupOf[f] = members.size();
                members.add(new ArrayList<>(List.of(f)));
                groupScale.add(scale[f]);
                groupNode.add(node);
                groups++;
                next = (node + 1) % capacity.length;
            }
        }

        /** The node with the most capacity left; among equals, the first from {@code next} on. */
        private int mostLeft(int next) {
            int best = next;
            for (int tried = 1; tried < capacity.length; tried++) {
                int candidate = (next + tried) % capacity.length;
                if (capacity[candidate] > capacity[best] + EPSILON) {
                    best = candidate;
                }
            }
            return best;
        }

        /**
         * Longest start-to-sink path by DP in topological order; ties prefer the heavier largest edge, and among
         * equally long ends, the one with more functions. The original took the first end in YAML order, so in a
         * DAG of zero runtimes and sizes its critical path was a lone start function and nothing was ever merged.
         */
        private List<Edge> criticalPathEdges() {
            double[] distance = new double[n];
            int[] hops = new int[n];
            double[] maxEdge = new double[n];
            int[] previous = new int[n];
            Arrays.fill(previous, -1);
            for (int v : order) {
                distance[v] = runtime[v];
                for (int i = 0; i < predecessors[v].length; i++) {
                    int u = predecessors[v][i];
                    Edge edge = incoming[v][i];
                    double weight = groupOf[u] == groupOf[v] ? edge.seconds() / config.memoryBandwidthRatio() : edge.seconds();
                    double candidate = distance[u] + weight + runtime[v];
                    double candidateMax = Math.max(maxEdge[u], weight);
                    boolean longer = candidate > distance[v] + EPSILON || previous[v] < 0;
                    boolean tieHeavier = Math.abs(candidate - distance[v]) <= EPSILON && candidateMax > maxEdge[v] + EPSILON;
                    if (longer || tieHeavier) {
                        distance[v] = candidate;
                        maxEdge[v] = candidateMax;
                        previous[v] = u;
                        hops[v] = hops[u] + 1;
                    }
                }
            }
            int last = 0;
            for (int v = 1; v < n; v++) {
                boolean tie = Math.abs(distance[v] - distance[last]) <= EPSILON;
                if (distance[v] > distance[last] + EPSILON || tie && hops[v] > hops[last]) {
                    last = v;
                }
            }
            List<Edge> path = new ArrayList<>();
            List<Integer> functions = new ArrayList<>();
            for (int v = last; v >= 0; v = previous[v]) {
                functions.add(0, v);
                for (Edge edge : incoming[v]) {
                    if (edge.u() == previous[v]) {
                        path.add(edge);
                    }
                }
            }
            lastPath = functions;
            lastLength = distance[last];
            return path;
        }

        /** Bytes of the edge's data not charged yet (nor listed in {@code toCharge}); lists them. */
        private long charge(Edge edge, List<DataRef> toCharge) {
            long bytes = 0;
            for (Map.Entry<DataRef, Long> datum : edge.data().entrySet()) {
                if (!charged.contains(datum.getKey()) && !toCharge.contains(datum.getKey())) {
                    bytes += datum.getValue();
                    toCharge.add(datum.getKey());
                }
            }
            return bytes;
        }

        private boolean tryMerge(Edge edge) {
            int g1 = groupOf[edge.u()];
            int g2 = groupOf[edge.v()];
            String producer = workflow.functions().get(edge.u()).name();
            String consumer = workflow.functions().get(edge.v()).name();
            int size = members.get(g1).size() + members.get(g2).size();
            if (size > config.groupLimit()) {
                rejected.add(new RejectedMerge(producer, consumer, RejectedMerge.GROUP_SIZE,
                        "groups of " + members.get(g1).size() + " and " + members.get(g2).size()
                                + " functions exceed the limit of " + config.groupLimit()));
                return false;
            }
            int needScale = groupScale.get(g1) + groupScale.get(g2);
            double[] released = capacity.clone();
            released[groupNode.get(g1)] += groupScale.get(g1);
            released[groupNode.get(g2)] += groupScale.get(g2);
            int best = -1;
            for (int node = 0; node < released.length; node++) {
                if (released[node] + EPSILON >= needScale && (best < 0 || released[node] < released[best] - EPSILON)) {
                    best = node;
                }
            }
            if (best < 0) {
                rejected.add(new RejectedMerge(producer, consumer, RejectedMerge.CAPACITY,
                        "the union needs " + needScale + " scale units; the most any node would have is "
                                + Arrays.stream(released).max().orElse(0) + " of " + config.nodeCapacity()));
                return false;
            }
            // Every edge between the two groups becomes an in-memory edge, not only the one on the critical path.
            long need = 0;
            List<DataRef> toCharge = new ArrayList<>();
            List<Integer> smaller = members.get(g1).size() <= members.get(g2).size() ? members.get(g1) : members.get(g2);
            int other = smaller == members.get(g1) ? g2 : g1;
            for (int f : smaller) {
                for (Edge between : incoming[f]) {
                    if (groupOf[between.u()] == other) {
                        need += charge(between, toCharge);
                    }
                }
                for (Edge between : outgoing.get(f)) {
                    if (groupOf[between.v()] == other) {
                        need += charge(between, toCharge);
                    }
                }
            }
            if (memoryUsed + need > memoryQuota) {
                rejected.add(new RejectedMerge(producer, consumer, RejectedMerge.MEMORY,
                        "keeping " + need + " more bytes in memory would use " + (memoryUsed + need) + " of the "
                                + memoryQuota + "-byte quota"));
                return false;
            }
            memoryUsed += need;
            charged.addAll(toCharge);
            released[best] -= needScale;
            System.arraycopy(released, 0, capacity, 0, capacity.length);
            int into = Math.min(g1, g2);
            int from = Math.max(g1, g2);
            for (int f : members.get(from)) {
                groupOf[f] = into;
            }
            members.get(into).addAll(members.get(from));
            members.get(from).clear();
            groupScale.set(into, needScale);
            groupScale.set(from, 0);
            groupNode.set(into, best);
            groups--;
            return true;
        }

        Placement result() {
            Map<String, Integer> functionNodes = new LinkedHashMap<>();
            for (int f = 0; f < n; f++) {
                functionNodes.put(workflow.functions().get(f).name(), groupNode.get(groupOf[f]));
            }
            List<List<String>> groups = new ArrayList<>();
            for (List<Integer> group : members) {
                if (!group.isEmpty()) {
                    groups.add(group.stream().sorted().map(f -> workflow.functions().get(f).name()).toList());
                }
            }
            groups.sort(Comparator.comparingInt(g -> graph.position(g.get(0))));
            List<Double> left = Arrays.stream(capacity).boxed().toList();
            List<NodeOvercommitment> overcommitted = new ArrayList<>();
            for (int node = 0; node < capacity.length; node++) {
                if (capacity[node] < -EPSILON) {
                    overcommitted.add(new NodeOvercommitment(node, -capacity[node], config.nodeCapacity()));
                }
            }
            PartitionSummary summary = new PartitionSummary(groups,
                    lastPath.stream().map(f -> workflow.functions().get(f).name()).toList(), lastLength,
                    new ArrayList<>(rejected), iterations, memoryUsed, memoryQuota, left, overcommitted);
            return new Placement(functionNodes, summary);
        }
    }

    private record Edge(int u, int v, double seconds, long bytes, Map<DataRef, Long> data) {
    }
}
