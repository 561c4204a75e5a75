package io.faasflow.topology.expr;

/** Thrown when a condition cannot be evaluated, e.g. when ordering a number against a string. */
public final class EvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the offending types. */
    public EvaluationException(String message) {
        super(message);
    }
}
