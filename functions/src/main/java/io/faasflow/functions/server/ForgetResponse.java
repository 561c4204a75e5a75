package io.faasflow.functions.server;

/**
 * Answer to {@code POST /forget}.
 *
 * @param invocation the invocation whose cached lists were dropped (if there were any)
 */
public record ForgetResponse(String invocation) {
}
