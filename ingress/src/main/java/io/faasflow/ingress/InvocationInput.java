package io.faasflow.ingress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.topology.wire.InputRejectedException;
import io.faasflow.topology.wire.UntrustedJson;

/** Reads the body of an invocation request: a JSON object whose fields are the global inputs. */
public final class InvocationInput {

    private InvocationInput() {
    }

    /**
     * @param body request body; null, empty or blank means no inputs ({@code {}})
     * @throws InvalidRequestException when the body is not one JSON object, or is shaped beyond a limit
     * @throws PayloadTooLargeException when the body is over the input size or field count limit
     */
    public static ObjectNode parse(byte[] body, UntrustedJson reader) {
        try {
            return reader.readObject(body == null ? new byte[0] : body);
        } catch (InputRejectedException e) {
            if (e.violation() != null && e.violation().tooLarge()) {
                throw new PayloadTooLargeException("body", e.getMessage());
            }
            throw new InvalidRequestException("body", e.getMessage());
        }
    }
}
