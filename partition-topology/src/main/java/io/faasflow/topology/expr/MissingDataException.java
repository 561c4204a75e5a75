package io.faasflow.topology.expr;

/** Thrown when a condition reads a data key that has no stored value: never silently false. */
public final class MissingDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /** Creates the exception for the absent data key. */
    public MissingDataException(String key) {
        super("no data stored for INPUT." + key);
        this.key = key;
    }

    /** The absent data key. */
    public String key() {
        return key;
    }
}
