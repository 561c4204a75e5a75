package io.faasflow.topology.model;

/**
 * One declared input of a function: argument {@code name} is read from output {@code parameter} of
 * {@code producer} (a function name, or {@link #GLOBAL_PRODUCER} for the invocation's global inputs).
 *
 * @param type {@code pass}, {@code normal} or {@code key} (a foreach element)
 * @param size declared size in bytes, never negative
 */
public record InputSpec(String name, String type, String producer, String parameter, long size) {
    /** The producer name that denotes the invocation's own input. */
    public static final String GLOBAL_PRODUCER = "INPUT";

    public boolean isGlobal() {
        return GLOBAL_PRODUCER.equals(producer);
    }

    public DataRef ref() {
        return new DataRef(producer, parameter);
    }
}
