package io.faasflow.topology.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a workflow or function name may be. Both travel in URL paths, Kafka keys ({@code name@version}) and
 * storage keys ({@code invocation/function/key}), so they are limited to a set that needs no escaping anywhere:
 * letters, digits, {@code _} and {@code -} (workflow names also {@code .}), starting with a letter, digit or
 * {@code _}, at most {@value #MAX_LENGTH} characters. {@code INPUT} names the global inputs and is no function's.
 */
public final class Names {
    public static final int MAX_LENGTH = 128;
    public static final String WORKFLOW_RULE = "1 to " + MAX_LENGTH
            + " characters of A-Z, a-z, 0-9, '_', '-' and '.', starting with a letter, digit or '_'";
    public static final String FUNCTION_RULE = "1 to " + MAX_LENGTH
            + " characters of A-Z, a-z, 0-9, '_' and '-', starting with a letter, digit or '_', and not 'INPUT'";
    private static final Pattern WORKFLOW = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0," + (MAX_LENGTH - 1) + "}");
    private static final Pattern FUNCTION = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");

    private Names() {
    }

    /** What is wrong with {@code name} as a workflow name; empty when it is a valid one. */
    public static Optional<String> workflowProblem(String name) {
        if (name == null) {
            return Optional.of("is missing");
        }
        return WORKFLOW.matcher(name).matches() ? Optional.empty()
                : Optional.of("'" + shown(name) + "' is not a valid workflow name: " + WORKFLOW_RULE);
    }

    /** What is wrong with {@code name} as a function name; empty when it is a valid one. */
    public static Optional<String> functionProblem(String name) {
        if (name == null) {
            return Optional.of("is missing");
        }
        if (InputSpec.GLOBAL_PRODUCER.equals(name)) {
            return Optional.of("'INPUT' is reserved for the workflow's global inputs");
        }
        return FUNCTION.matcher(name).matches() ? Optional.empty()
                : Optional.of("'" + shown(name) + "' is not a valid function name: " + FUNCTION_RULE);
    }

    /** The name as an error message can show it: control characters escaped, long names cut. */
    public static String shown(String name) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < name.length() && text.length() < 80; i++) {
            char c = name.charAt(i);
            text.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return name.length() > 80 ? text + "... (" + name.length() + " characters)" : text.toString();
    }
}
