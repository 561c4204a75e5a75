package io.faasflow.functions.server;

import java.util.Optional;

/**
 * A request to the function server that cannot be served as sent: the server answers it with 400. The
 * message names the request field at fault ({@code deployment.yaml}, {@code storage.redisUri}, ...) when
 * one is.
 */
public final class InvalidRequestException extends IllegalArgumentException {
    private final String field;

    /**
     * A problem with one field.
     *
     * @param field the field's path in the request body, e.g. {@code storage.redisUri}
     * @param problem what is wrong, phrased to follow the field's name, e.g. {@code "is missing"}
     */
    public InvalidRequestException(String field, String problem) {
        super("field '" + field + "' " + problem);
        this.field = field;
    }

    private InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
        this.field = null;
    }

    /** A problem with the body as a whole (not JSON, not an object), not with one field of it. */
    static InvalidRequestException ofBody(String message, Throwable cause) {
        return new InvalidRequestException(message, cause);
    }

    /** The field at fault; empty when the body as a whole is. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
