package io.faasflow.functions.server;

import io.faasflow.topology.wire.DeployedWorkflow;

/**
 * Body of {@code POST /init}: which function of which deployed workflow version this server serves, and where
 * its data lives.
 *
 * @param deployment the deployed workflow version, as published on {@code workflow-definitions}
 * @param function the name of the function to serve
 * @param storage the node's Redis and the shared CouchDB
 * @param runtimeScale multiplier of the synthetic function's declared runtimes, at least 0
 * @param sizeScale multiplier of the synthetic function's declared sizes (and of generated global inputs)
 */
public record InitRequest(DeployedWorkflow deployment, String function, StorageSettings storage, Double runtimeScale,
        Double sizeScale) {

    /**
     * Checks that every field is present and in range; the YAML and the function name are checked against each
     * other at init.
     *
     * @throws InvalidRequestException naming the first field at fault
     */
    public void validate() {
        RequestFields.present(deployment, "deployment");
        RequestFields.text(deployment.name(), "deployment.name");
        RequestFields.text(deployment.yaml(), "deployment.yaml");
        RequestFields.present(deployment.plan(), "deployment.plan");
        RequestFields.text(function, "function");
        RequestFields.present(storage, "storage").validate("storage");
        RequestFields.scale(runtimeScale, "runtimeScale");
        RequestFields.scale(sizeScale, "sizeScale");
    }

    /** Whether this asks for the same function of the same workflow version as {@code other}. */
    public boolean sameFunctionAs(InitRequest other) {
        return deployment.name().equals(other.deployment.name()) && deployment.version() == other.deployment.version()
                && function.equals(other.function);
    }

    /** {@code function <function> of <workflow> v<version>}, for messages. */
    public String describe() {
        return "function " + function + " of " + deployment.name() + " v" + deployment.version();
    }
}
