package io.faasflow.scheduler.intake;

import io.faasflow.scheduler.event.CancelEvent;
import io.faasflow.scheduler.event.EventCodec;
import io.faasflow.scheduler.event.FinishEvent;
import io.faasflow.scheduler.event.NodeEvent;
import io.faasflow.scheduler.event.ReportEvent;
import io.faasflow.scheduler.event.RunEndedEvent;
import io.faasflow.scheduler.event.RunRequestEvent;
import io.faasflow.scheduler.event.TriggerEvent;
import io.faasflow.topology.wire.InputLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The event codec and the edge checks on generated records: every kind of real event, mutated byte by byte and
 * token by token. Decoding and checking throw nothing but {@link IOException} and {@link RejectedRecordException};
 * reading an invocation nothing but {@link RejectedRecordException} and {@link InvalidInvocationException}.
 */
class RecordIntakeFuzzTest {
    private static final List<NodeEvent> REAL = List.of(
            new TriggerEvent("i1", "chain", 1, "b", "a", 0, 1_700_000_000_000L, false, 3),
            new ReportEvent("i1", "a", 0, 10, 20, true, null, null, 1, Map.of("out", 12L), false, 5, 6),
            new ReportEvent("i1", "b", 1, 10, 20, false, "FunctionFailed", "boom", 3, null),
            new FinishEvent("i1", "chain", 1),
            new RunRequestEvent("i1", "chain", 1, "a", -1, 1, Map.of("b", 2)),
            new RunEndedEvent("i1", "chain", 1, "a", 0, 1, 1, 10, 20, null, null, Map.of("out", 1L), Map.of("k", 2), -1),
            new CancelEvent("i1"));
    private static final String INVOCATION = "{\"id\": \"i1\", \"workflow\": \"chain\", \"input\": {\"x\": [1, {\"y\": \"z\"}]},"
            + " \"submittedAt\": 1700000000000}";
    private static final String[] TOKENS = {"null", "\"\"", "-1", "99", "2147483648", "1e999", "true", "[]", "{}",
        "\"kind\"", "\"trigger\"", "\"report\"", "\"run\"", "\"ended\"", "\"x/y\"", ",", ":", "{", "}", "\"", "\\u0000",
        "[".repeat(50), "\"" + "a".repeat(300) + "\""};

    private final EventCheck check = new EventCheck(2);
    private final InvocationIntake intake = new InvocationIntake(new InputLimits(4096, 8, 100, 64));

    @Property(tries = 10_000, seed = "20261202")
    void eventsAreDecodedAndCheckedOrRejected(@ForAll("events") byte[] record) {
        NodeEvent event;
        try {
            event = EventCodec.decode(record);
        } catch (IOException e) {
            return;
        }
        try {
            check.check(event);
            check.check(event, EventCheckTest.DEPLOYMENT);
        } catch (RejectedRecordException e) {
            // refused at the edge, as it should be
        }
    }

    @Property(tries = 10_000, seed = "20261202")
    void invocationsAreReadOrRejected(@ForAll("invocations") byte[] record) {
        try {
            intake.read(record, 0, 42);
        } catch (RejectedRecordException | InvalidInvocationException e) {
            // refused at the edge, as it should be
        }
    }

    @Provide
    Arbitrary<byte[]> events() {
        return Arbitraries.of(REAL).map(event -> new String(EventCodec.encode(event), StandardCharsets.UTF_8))
                .flatMap(RecordIntakeFuzzTest::mutated);
    }

    @Provide
    Arbitrary<byte[]> invocations() {
        return mutated(INVOCATION);
    }

    private static Arbitrary<byte[]> mutated(String seed) {
        Arbitrary<String> edited = Combinators.combine(Arbitraries.integers().between(0, seed.length()),
                Arbitraries.integers().between(0, 12), Arbitraries.of(TOKENS), Arbitraries.integers().between(0, 2))
                .as((at, span, token, kind) -> {
                    int end = Math.min(seed.length(), at + span);
                    return switch (kind) {
                        case 0 -> seed.substring(0, at) + token + seed.substring(end);
                        case 1 -> seed.substring(0, at) + seed.substring(end);
                        default -> seed.substring(0, at) + token + seed.substring(at);
                    };
                });
        Arbitrary<byte[]> flipped = Combinators.combine(Arbitraries.integers().between(0, seed.length() - 1),
                Arbitraries.bytes()).as((at, value) -> {
                    byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
                    bytes[at] = value;
                    return bytes;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, edited.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                net.jqwik.api.Tuple.of(1, flipped), net.jqwik.api.Tuple.of(1, Arbitraries.just(seed.getBytes(StandardCharsets.UTF_8))));
    }
}
