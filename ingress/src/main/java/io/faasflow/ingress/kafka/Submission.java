package io.faasflow.ingress.kafka;

/**
 * What the ingress remembers of an invocation until its result arrives: no input, which may be a mebibyte.
 *
 * @param node the node whose partition of {@code workflow-invocations} took it (its entry node)
 * @param submittedAt epoch ms; the record's own, else its Kafka timestamp
 */
public record Submission(String id, String workflow, long submittedAt, int node) {
}
