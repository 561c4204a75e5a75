package io.faasflow.experiments.chaos;

/**
 * What became of one invocation the closed loop submitted.
 *
 * @param id its id; null when no ingress accepted it (then {@code status} is {@code NOT_ACCEPTED})
 * @param submittedAt epoch ms the submission started
 * @param answeredAt epoch ms its final status was seen; 0 when never
 * @param status {@code SUCCEEDED}, {@code FAILED}, {@code CANCELLED}, {@code TIMED_OUT}, {@code LOST} (accepted,
 *     no final status within the deadline) or {@code NOT_ACCEPTED}
 * @param cause the error type of a failed one, else null
 * @param message its error message, else null
 */
record Outcome(String id, String workflow, long submittedAt, long answeredAt, String status, String cause, String message) {
}
