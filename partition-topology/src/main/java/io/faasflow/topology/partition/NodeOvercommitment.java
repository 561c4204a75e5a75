package io.faasflow.topology.partition;

/**
 * A node whose placed functions need more scale units than it offers.
 *
 * @param node the node
 * @param scaleUnitsOver units placed beyond its capacity, counting every deployment that shares the cluster
 * @param capacity units the node offers
 */
public record NodeOvercommitment(int node, double scaleUnitsOver, double capacity) {
}
