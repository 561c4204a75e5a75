package io.faasflow.ingress.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.faasflow.topology.wire.InvocationStatus;

/**
 * One entry of {@code GET /invocations}; {@code GET /invocations/{id}} has the rest.
 *
 * @param finishedAt epoch ms; null while running
 * @param errorType the error's type for an invocation that did not succeed; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvocationSummary(String id, String workflow, InvocationStatus status, long submittedAt, Long finishedAt,
        String errorType) {

    static InvocationSummary of(InvocationView view) {
        return new InvocationSummary(view.id(), view.workflow(), view.status(), view.submittedAt(), view.finishedAt(),
                view.error() == null ? null : view.error().type());
    }
}
