package io.faasflow.scheduler.intake;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.scheduler.TwoNodeChain;
import io.faasflow.scheduler.definition.Deployment;
import io.faasflow.scheduler.event.EventCodec;
import io.faasflow.scheduler.event.NodeEvent;
import io.faasflow.scheduler.event.TriggerEvent;
import io.faasflow.topology.wire.InputLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The records of the issue that stopped a node, and their kin, are refused at the edge with the field named. */
class EventCheckTest {
    static final Deployment DEPLOYMENT = TwoNodeChain.deployment();

    private final EventCheck check = new EventCheck(2);

    private static NodeEvent decode(String json) throws Exception {
        return EventCodec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"kind\": \"trigger\", \"invocation\": \"x\"}",
        "{\"kind\": \"trigger\", \"invocation\": \"x\", \"workflow\": \"chain\", \"version\": 1, \"home\": 0}",
        "{\"kind\": \"trigger\", \"invocation\": \"x\", \"workflow\": \"chain\", \"function\": \"a\", \"home\": 7}",
        "{\"kind\": \"trigger\", \"invocation\": \"x\", \"workflow\": \"chain\", \"function\": \"a\", \"home\": -1}",
        "{\"kind\": \"trigger\", \"invocation\": \"a b\", \"workflow\": \"chain\", \"function\": \"a\", \"home\": 0}",
        "{\"kind\": \"report\", \"invocation\": \"x\", \"node\": 0}",
        "{\"kind\": \"report\", \"invocation\": \"x\", \"function\": \"a\", \"node\": 2}",
        "{\"kind\": \"run\", \"invocation\": \"x\", \"workflow\": \"chain\", \"function\": \"a\", \"element\": -1, \"attempt\": 0}",
        "{\"kind\": \"ended\", \"invocation\": \"x\", \"workflow\": \"chain\", \"function\": \"a\", \"element\": -5, \"attempt\": 1}",
        "{\"kind\": \"finish\", \"invocation\": \"x\"}",
        "{\"kind\": \"cancel\"}",
    })
    void shouldRefuseEventsWithMissingOrOutOfRangeFields(String json) throws Exception {
        NodeEvent event = decode(json);
        RejectedRecordException e = assertThrows(RejectedRecordException.class, () -> check.check(event));
        assertTrue(e.getMessage().startsWith("field '"), e.getMessage());
    }

    @Test
    void shouldRefuseTheJsonValueNull() throws Exception {
        assertThrows(RejectedRecordException.class, () -> check.check(decode("null")));
    }

    @Test
    void shouldRefuseTriggersOfFunctionsOrParentsTheDeploymentLacks() {
        TriggerEvent unknown = new TriggerEvent("x", "chain", 1, "zzz", null, 0, 1);
        TriggerEvent notAParent = new TriggerEvent("x", "chain", 1, "a", "b", 0, 1);
        TriggerEvent fine = new TriggerEvent("x", "chain", 1, "b", "a", 0, 1);
        assertTrue(assertThrows(RejectedRecordException.class, () -> check.check(unknown, DEPLOYMENT)).getMessage()
                .contains("has no function 'zzz'"));
        assertTrue(assertThrows(RejectedRecordException.class, () -> check.check(notAParent, DEPLOYMENT)).getMessage()
                .contains("is not a predecessor"));
        assertDoesNotThrow(() -> check.check(fine));
        assertDoesNotThrow(() -> check.check(fine, DEPLOYMENT));
    }

    @Test
    void shouldNameInvocationsWithoutIdAfterTheirPlaceAndAnswerThoseOverALimit() {
        InvocationIntake intake = new InvocationIntake(new InputLimits(1024, 4, 100, 32));
        assertEquals("kafka-2-17", intake.read(utf8("{\"workflow\": \"chain\"}"), 2, 17).id());
        InvalidInvocationException deep = assertThrows(InvalidInvocationException.class,
                () -> intake.read(utf8("{\"id\": \"i9\", \"workflow\": \"chain\", \"input\": {\"a\": [[[[[1]]]]]}}"), 0, 1));
        assertEquals("i9", deep.invocation().id());
        assertTrue(deep.getMessage().contains("faasflow.limits.input-depth"), deep.getMessage());
        String tooDeepToRead = "{\"workflow\": \"chain\", \"input\": {\"a\": " + "[".repeat(3000) + "]".repeat(3000) + "}}";
        InvalidInvocationException unreadable = assertThrows(InvalidInvocationException.class,
                () -> intake.read(utf8(tooDeepToRead), 1, 5));
        assertEquals("kafka-1-5", unreadable.invocation().id());
        assertThrows(RejectedRecordException.class, () -> intake.read(utf8("{\"input\": {}}"), 0, 1));
        assertThrows(RejectedRecordException.class, () -> intake.read(utf8("null"), 0, 1));
        assertThrows(RejectedRecordException.class, () -> intake.read(utf8("{\"workflow\": \"a/b\"}"), 0, 1));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
