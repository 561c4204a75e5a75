package io.faasflow.scheduler.runtime;

import io.faasflow.topology.wire.DeployedWorkflow;

/** The bodies of the function server's contract that only the client side of this package needs. */
final class ServerMessages {
    private ServerMessages() {
    }

    /** {@code POST /init}. */
    record InitRequest(DeployedWorkflow deployment, String function, StorageSettings storage, double runtimeScale,
            double sizeScale) {

        static InitRequest of(ContainerSpec spec) {
            return new InitRequest(spec.deployment(), spec.function(), spec.storage(), spec.runtimeScale(),
                    spec.sizeScale());
        }
    }

    /** Answer to {@code POST /init}: the function loaded and the class that implements it. */
    record InitReply(String function, String implementation) {
    }

    /** {@code POST /forget}. */
    record ForgetRequest(String invocation) {
    }

    /** Body of a 4xx/5xx answer. */
    record ErrorReply(String error) {
    }
}
