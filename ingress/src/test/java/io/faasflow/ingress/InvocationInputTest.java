package io.faasflow.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.topology.wire.InputLimits;
import io.faasflow.topology.wire.UntrustedJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvocationInputTest {
    private static final UntrustedJson READER = new UntrustedJson(InputLimits.DEFAULTS);

    private static com.fasterxml.jackson.databind.node.ObjectNode parse(String body) {
        return InvocationInput.parse(body == null ? null : body.getBytes(StandardCharsets.UTF_8), READER);
    }

    @Test
    void shouldReadEmptyObjectWhenBodyIsBlank() {
        assertTrue(parse("").isEmpty());
        assertTrue(parse(" \n").isEmpty());
        assertTrue(parse(null).isEmpty());
    }

    @Test
    void shouldReadFieldsWhenBodyIsAnObject() {
        assertEquals(3, parse("{\"x\": 3}").get("x").asInt());
    }

    @Test
    void shouldRejectWhenBodyIsNotAnObject() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> parse("42"));
        assertEquals("body", e.field());
        assertTrue(e.getMessage().contains("number"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"x\"", "{}{}", "{\"a\":1}}", "{\"a\":1,\"a\":2}", "{'a':1}", "{\"a\":NaN}"})
    void shouldRejectWhenBodyIsNotExactlyOneObject(String body) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> parse(body));
        assertEquals("body", e.field());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void shouldRejectWhenBodyIsNotUtf8() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> InvocationInput.parse(body, READER));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void shouldNameTheDepthLimitWhenBodyNestsTooDeeply() {
        String body = "{\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "}";
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> parse(body));
        assertTrue(e.getMessage().contains("faasflow.limits.input-depth"), e.getMessage());
    }

    @Test
    void shouldNameTheLimitWhenANumberOrANameIsTooLong() {
        InvalidRequestException number = assertThrows(InvalidRequestException.class,
                () -> parse("{\"a\":" + "9".repeat(1200) + "}"));
        assertTrue(number.getMessage().contains("1000 digits"), number.getMessage());
        InvalidRequestException name = assertThrows(InvalidRequestException.class,
                () -> parse("{\"" + "k".repeat(60_000) + "\":1}"));
        assertTrue(name.getMessage().contains("faasflow.limits.input-name-length"), name.getMessage());
    }

    @Test
    void shouldAnswerTooLargeWhenBodyIsOverTheSizeOrFieldLimit() {
        PayloadTooLargeException big = assertThrows(PayloadTooLargeException.class,
                () -> parse("{\"a\":\"" + "x".repeat(InputLimits.DEFAULTS.maxBytes()) + "\"}"));
        assertTrue(big.getMessage().contains("faasflow.limits.input-bytes"), big.getMessage());
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 60_000; i++) {
            wide.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":0");
        }
        PayloadTooLargeException fields = assertThrows(PayloadTooLargeException.class, () -> parse(wide + "}"));
        assertTrue(fields.getMessage().contains("faasflow.limits.input-fields"), fields.getMessage());
    }
}
