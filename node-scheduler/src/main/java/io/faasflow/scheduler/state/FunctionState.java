package io.faasflow.scheduler.state;

import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The scheduling state of one function of one invocation, held by the node that counts its parents (its
 * host in worker mode, the master in master mode). The finished-parents counter is a set of parent names,
 * so a trigger delivered twice counts once.
 */
public final class FunctionState {
    public TreeSet<String> finishedParents = new TreeSet<>();
    /** Parents that resolved without running this way (skipped, or a switch that chose another branch). */
    public TreeSet<String> skippedParents = new TreeSet<>();
    /**
     * Element counts that parents passed on: the list length from a foreach producer, the number of runs from a
     * foreach function (what a merge reads), by parent name.
     */
    public TreeMap<String, Integer> parentElements = new TreeMap<>();
    /** For a switch: the index of the branch its conditions chose, -1 for none. */
    public int chosenBranch = -1;
    public FunctionStatus status = FunctionStatus.WAITING;
    public long startMicros;
    public long endMicros;
    /** The current try (of a function that is not a foreach function), from 1. */
    public int attempts;
    /** For a foreach function once started: its runs. */
    public ForeachProgress foreach;
    /** Kind and text of the error of a failed run; null otherwise. */
    public String errorType;
    public String errorMessage;
    /** Size of each output the run stored, by output key (summed over a foreach function's runs). */
    public TreeMap<String, Long> outputBytes = new TreeMap<>();
    /** Length of each {@code keys} list the run stored, by output key. */
    public TreeMap<String, Integer> keyCounts = new TreeMap<>();
    /**
     * Nanoseconds the function spent storing data: of the try that ended its run (its success, or the failure
     * that was not retried), summed over a foreach function's runs. 0 in states written before it was measured.
     */
    public long putNanos;
    /** Nanoseconds it spent reading data, counted as {@link #putNanos} is. */
    public long fetchNanos;

    public FunctionState() {
    }

    /** The try the given run is on: {@code element} -1 for a function that is not a foreach function. */
    public int attemptOf(int element) {
        return element < 0 || foreach == null ? attempts : foreach.attemptOf(element);
    }

    public void setAttempt(int element, int attempt) {
        if (element < 0 || foreach == null) {
            attempts = attempt;
        } else {
            foreach.setAttempt(element, attempt);
        }
    }
}
