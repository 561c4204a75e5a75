package io.faasflow.ingress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.topology.wire.WireJson;
import java.util.Locale;

/** Reads the body of an invocation request: a JSON object whose fields are the global inputs. */
public final class InvocationInput {

    private InvocationInput() {
    }

    /**
     * @param body request body; null or blank means no inputs ({@code {}})
     * @throws InvalidRequestException when the body is not JSON or not a JSON object
     */
    public static ObjectNode parse(String body) {
        if (body == null || body.isBlank()) {
            return WireJson.mapper().createObjectNode();
        }
        JsonNode tree;
        try {
            tree = WireJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("body", "is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new InvalidRequestException("body", "must be a JSON object whose fields are the workflow's "
                    + "global inputs; got " + tree.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return object;
    }
}
