package io.faasflow.scheduler.runtime;

import java.util.Map;
import java.util.Objects;

/**
 * One try of the container's function: the body of {@code POST /run}.
 *
 * @param invocation the invocation id
 * @param element index of the run within its foreach function, -1 for a function that is not one
 * @param attempt which try this is, from 1
 * @param elementCounts runs made by each foreach function whose outputs the function reads, by name
 * @param function the function to run; null: the one the container was initialised with
 */
public record RunCall(String invocation, int element, int attempt, Map<String, Integer> elementCounts, String function) {
    public RunCall {
        Objects.requireNonNull(invocation, "invocation");
        elementCounts = elementCounts == null ? Map.of() : Map.copyOf(elementCounts);
    }

    /** A try of the function the container was initialised with. */
    public RunCall(String invocation, int element, int attempt, Map<String, Integer> elementCounts) {
        this(invocation, element, attempt, elementCounts, null);
    }

    /** An ordinary first try: no foreach element, reading no foreach outputs. */
    public static RunCall single(String invocation) {
        return new RunCall(invocation, -1, 1, Map.of());
    }
}
