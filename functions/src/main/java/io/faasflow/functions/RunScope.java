package io.faasflow.functions;

import java.util.Map;

/**
 * Which run of a function this is, with respect to foreach fan-out.
 *
 * @param element index of this run within its foreach function (the element of the producer's {@code keys}
 *     list it handles), or -1 when the function is not a foreach function
 * @param elementCounts number of runs of each foreach function (by function name) whose outputs this run
 *     reads: what a merge function needs to read every element's output
 */
public record RunScope(int element, Map<String, Integer> elementCounts) {
    /** An ordinary run: not a foreach element, reading no foreach outputs. */
    public static final RunScope SINGLE = new RunScope(-1, Map.of());

    public RunScope {
        if (element < -1) {
            throw new IllegalArgumentException("element must be -1 (no foreach) or at least 0; got " + element);
        }
        elementCounts = Map.copyOf(elementCounts);
        elementCounts.forEach((function, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("foreach function " + function + " cannot have " + count + " elements");
            }
        });
    }

    /** Run {@code element} of a foreach function. */
    public static RunScope element(int element) {
        if (element < 0) {
            throw new IllegalArgumentException("a foreach element index is at least 0; got " + element);
        }
        return new RunScope(element, Map.of());
    }

    /** The single run of a merge function, reading foreach functions that ran the given number of times. */
    public static RunScope merge(Map<String, Integer> elementCounts) {
        return new RunScope(-1, elementCounts);
    }

    /** Whether this run is one element of a foreach function. */
    public boolean isElement() {
        return element >= 0;
    }
}
