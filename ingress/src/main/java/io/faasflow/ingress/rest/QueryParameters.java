package io.faasflow.ingress.rest;

import io.faasflow.ingress.InvalidRequestException;

/**
 * Query parameters read strictly: JAX-RS would turn {@code synthetic=yes} into false and answer a malformed number
 * with a bare 404; these answer 400 naming the parameter.
 */
final class QueryParameters {
    private QueryParameters() {
    }

    /** {@code true} or {@code false}; absent is false. */
    static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true") || value.isEmpty()) {
            return true;
        }
        throw new InvalidRequestException(name, "query parameter must be true or false; got '" + shown(value) + "'");
    }

    /** A whole number, or null when absent. */
    static Integer integer(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, "query parameter must be a whole number; got '" + shown(value) + "'");
        }
    }

    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
