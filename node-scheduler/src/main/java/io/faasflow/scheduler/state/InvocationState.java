package io.faasflow.scheduler.state;

import io.faasflow.topology.wire.FunctionTiming;
import io.faasflow.topology.wire.InvocationStatus;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one node knows of one invocation: the functions it schedules, the runs it hosts for a master, and, on
 * the home node, the reports of every function. Mutated only by the node's event loop; persisted as JSON in
 * the state changelog.
 */
public final class InvocationState {
    public String id;
    public String workflow;
    public long version;
    public int home;
    public long submittedAt;
    public long startedAt;
    /** On the home node: whether the global inputs are stored; until then they are kept here. */
    public boolean inputsStored;
    public com.fasterxml.jackson.databind.node.ObjectNode input;
    /** On the home node: storage keys of every global input it stored. */
    public TreeSet<String> inputKeys = new TreeSet<>();
    /** Functions this node schedules that were triggered at least once, by name. */
    public TreeMap<String, FunctionState> functions = new TreeMap<>();
    /** Master mode, on a hosting node: the runs the master asked for, by function; a repeated request is dropped. */
    public TreeMap<String, HostedRuns> hosted = new TreeMap<>();
    /** On the home node: every function that reported, by name. */
    public TreeMap<String, FunctionTiming> reports = new TreeMap<>();
    /** On the home node: functions reported skipped. */
    public TreeSet<String> skipped = new TreeSet<>();
    /** On the home node: size of every stored output, by storage key. */
    public TreeMap<String, Long> outputBytes = new TreeMap<>();
    /** On the home node: how the invocation ended, once decided (kept until the result is acknowledged). */
    public InvocationStatus endStatus;
    public String failedFunction;
    public String failureType;
    public String failureMessage;
    public int failureAttempts;

    public InvocationState() {
    }

    public InvocationState(String id, String workflow, long version, int home, long submittedAt) {
        this.id = id;
        this.workflow = workflow;
        this.version = version;
        this.home = home;
        this.submittedAt = submittedAt;
    }

    public FunctionState function(String name) {
        return functions.computeIfAbsent(name, n -> new FunctionState());
    }
}
