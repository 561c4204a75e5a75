package io.faasflow.topology.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One finished invocation: the value of a {@code workflow-results} record keyed by invocation id.
 *
 * @param id invocation id
 * @param workflow workflow name
 * @param status final status
 * @param error why it failed; null when it succeeded
 * @param submittedAt epoch ms from the invocation record (0 when the producer gave none)
 * @param startedAt epoch ms when the entry node accepted it
 * @param finishedAt epoch ms when the last function ended
 * @param functions timing of every function that ran, by name
 * @param outputBytes size of every output the functions stored, by storage key ({@code producer/key}); may be null
 * @param skipped functions that did not run because no parent ran their way (untaken switch branches); may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvocationResult(String id, String workflow, InvocationStatus status, InvocationFailure error,
        long submittedAt, long startedAt, long finishedAt, Map<String, FunctionTiming> functions,
        Map<String, Long> outputBytes, java.util.List<String> skipped) {

    public InvocationResult(String id, String workflow, InvocationStatus status, InvocationFailure error,
            long submittedAt, long startedAt, long finishedAt, Map<String, FunctionTiming> functions,
            Map<String, Long> outputBytes) {
        this(id, workflow, status, error, submittedAt, startedAt, finishedAt, functions, outputBytes, null);
    }

    public InvocationResult(String id, String workflow, InvocationStatus status, InvocationFailure error,
            long submittedAt, long startedAt, long finishedAt, Map<String, FunctionTiming> functions) {
        this(id, workflow, status, error, submittedAt, startedAt, finishedAt, functions, null);
    }
}
