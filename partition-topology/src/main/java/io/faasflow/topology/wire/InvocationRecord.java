package io.faasflow.topology.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request to run a workflow once: the value of a {@code workflow-invocations} record.
 *
 * <p>Any Kafka client may produce one, keyed by workflow name or unkeyed, to any partition:
 * {@code {"workflow": "genome", "input": {"x": 1}}}. The node that receives it assigns an id when none is
 * given and forwards it to the workflow's entry node.
 *
 * @param id invocation id; may be null from outside producers
 * @param workflow name of a deployed workflow, never null
 * @param input the global inputs, readable by functions as {@code INPUT.<field>}; may be null (no inputs)
 * @param submittedAt epoch milliseconds when the client submitted it; 0 when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvocationRecord(String id, String workflow, ObjectNode input, long submittedAt) {

    public InvocationRecord withId(String newId) {
        return new InvocationRecord(newId, workflow, input, submittedAt);
    }
}
