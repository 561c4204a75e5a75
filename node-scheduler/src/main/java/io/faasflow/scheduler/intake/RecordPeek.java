package io.faasflow.scheduler.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.faasflow.topology.model.Names;
import io.faasflow.topology.wire.InvocationRecord;
import java.io.IOException;

/**
 * Finds the top-level {@code id} and {@code workflow} of an invocation record that cannot be read whole (an input
 * nested past the reader's limits, say), skipping everything else without building it, so that its invocation can
 * still be answered with a FAILED result.
 */
final class RecordPeek {
    private static final JsonFactory LENIENT = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE).build())
            .build();

    private RecordPeek() {
    }

    /** The record's workflow and id (or one named after its place), or null when it has no valid ones. */
    static InvocationRecord invocation(byte[] value, int partition, long offset) {
        String id = null;
        String workflow = null;
        try (JsonParser parser = LENIENT.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token == JsonToken.VALUE_STRING && field.equals("id")) {
                    id = parser.getText();
                } else if (token == JsonToken.VALUE_STRING && field.equals("workflow")) {
                    workflow = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable past some point: what was found before it still names the invocation.
        }
        if (workflow == null || Names.workflowProblem(workflow).isPresent()) {
            return null;
        }
        String named = id == null || id.isBlank() ? InvocationIntake.nameOf(partition, offset) : id;
        try {
            InvocationIds.check("id", named);
        } catch (RejectedRecordException e) {
            return null;
        }
        return new InvocationRecord(named, workflow, null, 0);
    }
}
