package io.faasflow.topology.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;

/**
 * Decodes stored bytes into a value: UTF-8 text that is a JSON scalar (or a Python {@code True},
 * {@code False}, {@code None}) becomes that scalar; any other text is a string as is.
 */
final class StoredValueDecoder {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StoredValueDecoder() {
    }

    static Value decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return switch (text.strip()) {
            case "True" -> Value.TRUE;
            case "False" -> Value.FALSE;
            case "None" -> Value.NULL;
            default -> json(text);
        };
    }

    private static Value json(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return new StringValue(text);
        }
        if (node == null || node.isMissingNode()) {
            return new StringValue(text);
        }
        if (node.isNumber()) {
            return new NumberValue(node.doubleValue());
        }
        if (node.isBoolean()) {
            return Value.of(node.booleanValue());
        }
        if (node.isNull()) {
            return Value.NULL;
        }
        if (node.isTextual()) {
            return new StringValue(node.textValue());
        }
        return new StringValue(text);
    }
}
