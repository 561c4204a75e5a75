package io.faasflow.ingress.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.faasflow.topology.wire.FunctionTiming;
import io.faasflow.topology.wire.InvocationFailure;
import io.faasflow.topology.wire.InvocationRecord;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.InvocationStatus;
import io.faasflow.ingress.kafka.Submission;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /invocations/{id}} and {@code DELETE /invocations/{id}} answer. Null fields are left out: a
 * running invocation without a result shows only id, workflow, status and submittedAt.
 *
 * @param status RUNNING until the final result arrives, then SUCCEEDED, FAILED, CANCELLED or TIMED_OUT
 * @param submittedAt epoch ms
 * @param startedAt epoch ms, null before a result arrived
 * @param finishedAt epoch ms, null before a result arrived
 * @param functions timing of every function that ran, by name; null before a result arrived
 * @param skipped functions that did not run (untaken switch branches); null before a result arrived
 * @param cancelRequested true in the answer to a {@code DELETE} that sent the cancel request; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvocationView(String id, String workflow, InvocationStatus status, InvocationFailure error,
        long submittedAt, Long startedAt, Long finishedAt, Map<String, FunctionTiming> functions,
        List<String> skipped, Boolean cancelRequested) {

    /** From the latest result read from the results topic. */
    public static InvocationView of(String id, InvocationResult result) {
        return new InvocationView(id, result.workflow(), result.status(), result.error(), result.submittedAt(),
                result.startedAt(), result.finishedAt(), result.functions() == null ? Map.of() : result.functions(),
                result.skipped() == null ? List.of() : result.skipped(), null);
    }

    /** How long past the time-out the ingress waits for the nodes' own result before it answers TIMED_OUT. */
    public static final Duration RESULT_GRACE = Duration.ofSeconds(60);

    /**
     * An invocation whose result has not arrived: RUNNING, or TIMED_OUT (error type {@code NoResult}) once
     * {@link #RESULT_GRACE} past the time-out. The latter is the ingress's answer, not a node's: a home node that
     * returns ends the invocation TIMED_OUT too as a rule (its time runs from submission), but a result it had
     * decided before going down, or one published later, replaces this answer.
     */
    public static InvocationView awaiting(Submission submission, Duration timeout, long now) {
        long waited = now - submission.submittedAt();
        if (waited <= timeout.plus(RESULT_GRACE).toMillis()) {
            return new InvocationView(submission.id(), submission.workflow(), InvocationStatus.RUNNING, null,
                    submission.submittedAt(), null, null, null, null, null);
        }
        InvocationFailure noResult = new InvocationFailure(null, "NoResult", "no result " + waited / 1000
                + " s after its submission, past the invocation time-out of " + timeout.toSeconds() + " s: node "
                + submission.node() + ", which took it, has not answered (is its scheduler down?); when it returns it"
                + " ends the invocation, as TIMED_OUT unless it had decided otherwise before", 0);
        return new InvocationView(submission.id(), submission.workflow(), InvocationStatus.TIMED_OUT, noResult,
                submission.submittedAt(), null, null, null, null, null);
    }

    /** Whether this is the ingress's own answer for an invocation no node has answered for. */
    public boolean noResult() {
        return error != null && "NoResult".equals(error.type()) && functions == null;
    }

    /** This view, marked as the subject of a cancel request just sent. */
    public InvocationView withCancelRequested() {
        return new InvocationView(id, workflow, status, error, submittedAt, startedAt, finishedAt, functions, skipped,
                true);
    }
}
