package io.faasflow.experiments.chaos;

/**
 * A fault as it was carried out.
 *
 * @param at epoch ms it was injected
 * @param pid the process it hit
 */
record InjectedFault(Fault fault, long at, long pid) {
}
