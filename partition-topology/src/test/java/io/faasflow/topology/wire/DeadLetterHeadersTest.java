package io.faasflow.topology.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    @Test
    void copiesAValueWholeWhenItFitsBesideTheHeaders() {
        byte[] small = new byte[1000];
        assertSame(small, DeadLetterHeaders.fitted(small));
        assertNull(DeadLetterHeaders.fitted(null));
        assertFalse(DeadLetterHeaders.of("c", "t", 0, 1, "node-0", small).containsKey(DeadLetterHeaders.CUT_FROM));
    }

    @Test
    void cutsAValueAtTheTopicsLimitAndSaysHowLongTheOriginalWas() {
        byte[] big = new byte[RecordLimits.MAX_RECORD_BYTES];
        big[0] = 7;
        byte[] cut = DeadLetterHeaders.fitted(big);
        assertEquals(DeadLetterHeaders.MAX_VALUE_BYTES, cut.length);
        assertEquals(7, cut[0]);
        assertArrayEquals(String.valueOf(big.length).getBytes(StandardCharsets.UTF_8),
                DeadLetterHeaders.of("c", "t", 0, 1, "ingress", big).get(DeadLetterHeaders.CUT_FROM));
    }
}
