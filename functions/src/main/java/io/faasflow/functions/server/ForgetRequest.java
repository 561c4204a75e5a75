package io.faasflow.functions.server;

/**
 * Body of {@code POST /forget}: the invocation has ended on this node, so the foreach lists the server cached for
 * it can go.
 *
 * @param invocation the invocation id
 */
public record ForgetRequest(String invocation) {

    /** @throws InvalidRequestException when {@code invocation} is missing or blank */
    public void validate() {
        RequestFields.text(invocation, "invocation");
    }
}
