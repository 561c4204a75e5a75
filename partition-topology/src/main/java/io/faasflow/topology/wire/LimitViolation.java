package io.faasflow.topology.wire;

/**
 * A limit an invocation's input breaks.
 *
 * @param limit the setting that sets it, e.g. {@code faasflow.limits.input-bytes}
 * @param message what is over and by how much, naming the limit
 * @param tooLarge whether the input is too big as a whole (HTTP 413) rather than shaped out of bounds (400)
 */
public record LimitViolation(String limit, String message, boolean tooLarge) {

    static LimitViolation bytes(long actual, int max) {
        return new LimitViolation("faasflow.limits.input-bytes", "the input is " + actual
                + " bytes of JSON; at most " + max + " are accepted (faasflow.limits.input-bytes)", true);
    }

    static LimitViolation depth(int max) {
        return new LimitViolation("faasflow.limits.input-depth", "the input nests objects and arrays more than "
                + max + " levels deep (faasflow.limits.input-depth)", false);
    }

    static LimitViolation fields(int max) {
        return new LimitViolation("faasflow.limits.input-fields", "the input has more than " + max
                + " fields and array elements in all (faasflow.limits.input-fields)", true);
    }

    static LimitViolation nameLength(int actual, int max) {
        return new LimitViolation("faasflow.limits.input-name-length", "a field name of the input is " + actual
                + " characters long; at most " + max + " are accepted (faasflow.limits.input-name-length)", false);
    }
}
