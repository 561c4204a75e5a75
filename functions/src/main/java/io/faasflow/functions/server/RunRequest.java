package io.faasflow.functions.server;

import java.util.Map;

/**
 * Body of {@code POST /run}: one try of the served function for one invocation.
 *
 * @param invocation the invocation id, the namespace of its data in storage
 * @param element the index of this run within its foreach function, or -1 when the function is not one
 * @param attempt which try this is, from 1
 * @param elementCounts the number of runs of each foreach function whose outputs this run reads, by function
 *     name (what a merge function needs); empty for other functions
 * @param function the workflow function to run, as in the original's contract; absent: the function of
 *     {@code /init}. Any function of the deployment that the same implementation serves may run here.
 */
public record RunRequest(String invocation, Integer element, Integer attempt, Map<String, Integer> elementCounts,
        String function) {

    /** A run of the function given at {@code /init}. */
    public RunRequest(String invocation, Integer element, Integer attempt, Map<String, Integer> elementCounts) {
        this(invocation, element, attempt, elementCounts, null);
    }

    /**
     * Checks that every field is present and in range; whether the element fits the function is checked at run.
     *
     * @throws InvalidRequestException naming the first field at fault
     */
    public void validate() {
        RequestFields.text(invocation, "invocation");
        if (RequestFields.present(element, "element") < -1) {
            throw new InvalidRequestException("element", "must be -1 (not a foreach element) or an element index from 0;"
                    + " got " + element);
        }
        if (RequestFields.present(attempt, "attempt") < 1) {
            throw new InvalidRequestException("attempt", "must be at least 1; got " + attempt);
        }
        if (function != null) {
            RequestFields.text(function, "function");
        }
        RequestFields.present(elementCounts, "elementCounts").forEach((function, count) -> {
            if (count == null || count < 0) {
                throw new InvalidRequestException("elementCounts." + function, "must be a count at least 0; got " + count);
            }
        });
    }
}
