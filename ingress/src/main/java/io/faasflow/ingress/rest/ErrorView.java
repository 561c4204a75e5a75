package io.faasflow.ingress.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.faasflow.topology.load.DefinitionProblem;
import java.util.List;

/**
 * The JSON body of every error answer.
 *
 * @param type short machine-readable kind, e.g. {@code WorkflowDefinitionException}, {@code NotFound}
 * @param message human-readable explanation
 * @param retryable whether the same request may succeed later
 * @param field the request part at fault, when one is; null otherwise
 * @param problems every problem of a rejected workflow definition; null for other errors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorView(String type, String message, boolean retryable, String field,
        List<DefinitionProblem> problems) {
}
