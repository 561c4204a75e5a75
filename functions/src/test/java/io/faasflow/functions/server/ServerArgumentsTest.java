package io.faasflow.functions.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ServerArgumentsTest {

    @Test
    void shouldDefaultToAFreeLoopbackPort() {
        assertEquals(new ServerArguments("127.0.0.1", 0), ServerArguments.parse());
        assertEquals(new ServerArguments("0.0.0.0", 5000), ServerArguments.parse("--port", "5000", "--host", "0.0.0.0"));
    }

    @Test
    void shouldNameTheBadArgument() {
        assertEquals("--port must be a number from 0 to 65535; got '70000'",
                assertThrows(IllegalArgumentException.class, () -> ServerArguments.parse("--port", "70000")).getMessage());
        assertEquals("--host needs a value",
                assertThrows(IllegalArgumentException.class, () -> ServerArguments.parse("--host")).getMessage());
        assertEquals("unknown argument --verbose",
                assertThrows(IllegalArgumentException.class, () -> ServerArguments.parse("--verbose", "yes")).getMessage());
    }
}
