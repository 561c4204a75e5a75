package io.faasflow.experiments.cluster;

/**
 * A process of a local cluster that its supervisor started again.
 *
 * @param name its name in {@code cluster.json}
 * @param diedAt epoch ms its death was noticed
 * @param readyAt epoch ms the new process was ready
 */
public record ProcessRestart(String name, long diedAt, long readyAt) {
}
