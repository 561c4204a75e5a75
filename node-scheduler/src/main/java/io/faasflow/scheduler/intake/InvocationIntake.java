package io.faasflow.scheduler.intake;

import io.faasflow.topology.model.Names;
import io.faasflow.topology.wire.InputLimits;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;

/**
 * Reads a {@code workflow-invocations} record at the edge: anyone may produce to that topic, so its value is
 * checked for shape and for the {@link InputLimits} before the engine sees it. A record without an id is named
 * after its place in Kafka, so a redelivery gets the same name.
 */
public final class InvocationIntake {
    /** Room for the record's own fields around its input. */
    private static final int ENVELOPE_BYTES = 64 * 1024;

    private final InputLimits limits;

    public InvocationIntake(InputLimits limits) {
        this.limits = limits;
    }

    /** The id of an invocation record produced without one: its place in Kafka, the same at every redelivery. */
    static String nameOf(int partition, long offset) {
        return "kafka-" + partition + "-" + offset;
    }

    /**
     * @throws RejectedRecordException when the record is no invocation at all (unreadable, or naming no valid
     *     workflow or id): nobody can be told
     * @throws InvalidInvocationException when it names its workflow but cannot run as sent
     */
    public InvocationRecord read(byte[] value, int partition, long offset) {
        InvocationRecord record;
        try {
            record = WireJson.read(value, InvocationRecord.class);
        } catch (IOException | RuntimeException e) {
            String problem = "not an invocation record: " + WireJson.describe(e);
            InvocationRecord named = RecordPeek.invocation(value, partition, offset);
            if (named != null) {
                throw new InvalidInvocationException(named, problem);
            }
            throw new RejectedRecordException(problem);
        }
        if (record == null) {
            throw new RejectedRecordException("the record is the JSON value null, not an invocation");
        }
        Names.workflowProblem(record.workflow()).ifPresent(problem -> {
            throw new RejectedRecordException("field 'workflow' " + problem);
        });
        InvocationRecord identified = record.id() == null || record.id().isBlank()
                ? record.withId(nameOf(partition, offset))
                : record;
        InvocationIds.check("id", identified.id());
        if (value.length > limits.maxBytes() + ENVELOPE_BYTES) {
            throw new InvalidInvocationException(identified, "the invocation record is " + value.length
                    + " bytes; its input may have at most " + limits.maxBytes() + " (faasflow.limits.input-bytes)");
        }
        if (identified.input() != null) {
            limits.check(identified.input(), 0).ifPresent(violation -> {
                throw new InvalidInvocationException(identified, violation.message());
            });
        }
        return identified;
    }
}
