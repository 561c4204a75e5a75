package io.faasflow.functions.server;

/**
 * Body of every answer other than 200.
 *
 * @param error what went wrong, naming the request field at fault when one is
 */
public record ErrorResponse(String error) {
}
