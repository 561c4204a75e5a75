/**
 * Kafka side of the ingress: topic creation, the shared producer, and background readers that keep the function
 * catalog, the workflow registry and the results cache current.
 */
package io.faasflow.ingress.kafka;
