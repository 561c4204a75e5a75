package io.faasflow.ingress.rest;

/**
 * What {@code POST /workflows/{name}/invocations} answers.
 *
 * @param id the new invocation's id, for {@code GET /invocations/{id}}
 */
public record InvocationAccepted(String id) {
}
