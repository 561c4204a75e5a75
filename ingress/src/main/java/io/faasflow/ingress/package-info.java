/**
 * The faasflow ingress: the HTTP front door that deploys workflows, starts invocations and reports their status.
 * This package holds the use cases ({@link io.faasflow.ingress.WorkflowDeployer},
 * {@link io.faasflow.ingress.InvocationSubmitter}), their pure helpers and the typed exceptions under
 * {@link io.faasflow.ingress.IngressException}; {@code rest}, {@code kafka}, {@code health} and {@code config}
 * hold the adapters.
 */
package io.faasflow.ingress;
