package io.faasflow.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InvocationInputTest {

    @Test
    void shouldReadEmptyObjectWhenBodyIsBlank() {
        assertTrue(InvocationInput.parse("").isEmpty());
        assertTrue(InvocationInput.parse(null).isEmpty());
    }

    @Test
    void shouldReadFieldsWhenBodyIsAnObject() {
        assertEquals(3, InvocationInput.parse("{\"x\": 3}").get("x").asInt());
    }

    @Test
    void shouldRejectWhenBodyIsNotAnObject() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> InvocationInput.parse("42"));
        assertEquals("body", e.field());
        assertTrue(e.getMessage().contains("number"), e.getMessage());
    }

    @Test
    void shouldRejectWhenBodyIsMalformed() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> InvocationInput.parse("{\"x\""));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }
}
