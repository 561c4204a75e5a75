package io.faasflow.ingress.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCheckTest {

    @Test
    void acceptsEachConfiguredTokenAndNothingElse() {
        TokenCheck check = new TokenCheck(List.of("first-token-0123456789", "second-token-0123456789"));

        assertTrue(check.accepts("first-token-0123456789"));
        assertTrue(check.accepts("second-token-0123456789"));
        assertFalse(check.accepts("first-token-012345678"));
        assertFalse(check.accepts("first-token-0123456789 "));
        assertFalse(check.accepts(""));
        assertFalse(check.accepts("FIRST-TOKEN-0123456789"));
    }
}
