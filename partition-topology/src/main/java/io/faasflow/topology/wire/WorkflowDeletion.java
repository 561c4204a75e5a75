package io.faasflow.topology.wire;

/**
 * A workflow taken out of service: the value of a {@code workflow-definitions} record keyed
 * {@code name@version}, with a version above every deployment of that name before it. New invocations of the
 * workflow are refused from then on; invocations already running finish on the version they started with, whose
 * records stay on the topic. A later deployment of the name gets a higher version and serves again.
 *
 * @param name workflow name
 * @param version the version this deletion takes; the next deployment of the name gets a higher one
 * @param deletedAt epoch milliseconds
 */
public record WorkflowDeletion(String name, long version, long deletedAt) implements DefinitionRecord {
}
