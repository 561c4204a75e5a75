package io.faasflow.scheduler.state;

import java.util.TreeSet;

/**
 * The node-side state of one hosted function of one invocation. The finished-parents counter is a set of
 * parent names, so a trigger delivered twice counts once.
 */
public final class FunctionState {
    public TreeSet<String> finishedParents = new TreeSet<>();
    /** Parents that resolved without running this way (skipped, or a switch that chose another branch). */
    public TreeSet<String> skippedParents = new TreeSet<>();
    /** For a switch: the index of the branch its conditions chose, -1 for none. */
    public int chosenBranch = -1;
    public FunctionStatus status = FunctionStatus.WAITING;
    public long startMicros;
    public long endMicros;
    public int attempts;
    /** Kind and text of the error of a failed run; null otherwise. */
    public String errorType;
    public String errorMessage;
    /** Size of each output the run stored, by output key. */
    public java.util.TreeMap<String, Long> outputBytes = new java.util.TreeMap<>();

    public FunctionState() {
    }
}
