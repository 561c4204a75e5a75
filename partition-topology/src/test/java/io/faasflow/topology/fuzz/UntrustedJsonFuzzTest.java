package io.faasflow.topology.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faasflow.topology.wire.InputLimits;
import io.faasflow.topology.wire.InputRejectedException;
import io.faasflow.topology.wire.UntrustedJson;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The reader of invocation inputs on generated bodies: mutated JSON, token soup and raw bytes. It returns an object
 * within every limit or throws {@link InputRejectedException}.
 */
class UntrustedJsonFuzzTest {
    private static final InputLimits LIMITS = new InputLimits(4096, 8, 200, 64);
    private static final UntrustedJson READER = new UntrustedJson(LIMITS);
    private static final String SEED = "{\"text\": \"hello\", \"n\": 3, \"list\": [1, 2.5, true, null, {\"k\": \"v\"}],"
            + " \"nested\": {\"a\": {\"b\": [\"c\"]}}}";
    private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\"k\"", "1", "-0", "1e999",
        "9".repeat(1200), "true", "null", "NaN", "\u0000", "\uD800", "\"a\":1", " ", "/*", "//", "[".repeat(20)};

    @Property(tries = 10_000, seed = "20261202")
    void readerReturnsBoundedObjectsOrRejects(@ForAll("bodies") byte[] body) {
        ObjectNode object;
        try {
            object = READER.readObject(body);
        } catch (InputRejectedException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            return;
        }
        assertTrue(LIMITS.check(object, body.length).isEmpty(), "accepted beyond the limits: " + object);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<String> mutated = Mutations.edits(SEED.length(), TOKENS).list().ofMinSize(1).ofMaxSize(5)
                .map(edits -> Mutations.apply(SEED, edits));
        Arbitrary<String> soup = Arbitraries.of(TOKENS).list().ofMaxSize(40).map(tokens -> String.join("", tokens));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        return Arbitraries.oneOf(mutated.map(UntrustedJsonFuzzTest::utf8), soup.map(UntrustedJsonFuzzTest::utf8), raw);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
