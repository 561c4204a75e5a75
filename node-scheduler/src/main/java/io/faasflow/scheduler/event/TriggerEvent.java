package io.faasflow.scheduler.event;

/**
 * "A predecessor of {@code function} finished" (or, with a null {@code parent}, "start it"). Sent to the
 * node that counts {@code function}'s parents: its host in worker mode, the master in master mode.
 *
 * @param invocation invocation id
 * @param workflow workflow name
 * @param version deployed version the invocation runs on
 * @param function the function to trigger
 * @param parent the predecessor that finished; null for a start function
 * @param home the node that tracks the invocation's completion
 * @param submittedAt epoch ms the client submitted the invocation (0 when unknown)
 * @param skip true when {@code parent} did not run this way (it was skipped, or it is a switch that chose
 *     another branch): the parent counts as resolved but not as run
 * @param elements when {@code parent} is a foreach producer, the length of the list {@code function} runs over;
 *     when {@code parent} is a foreach function, how many runs it made; null otherwise
 */
public record TriggerEvent(String invocation, String workflow, long version, String function, String parent,
        int home, long submittedAt, boolean skip, Integer elements) implements NodeEvent {

    public TriggerEvent(String invocation, String workflow, long version, String function, String parent, int home,
            long submittedAt) {
        this(invocation, workflow, version, function, parent, home, submittedAt, false, null);
    }
}
