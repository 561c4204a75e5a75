package io.faasflow.experiments.e2e;

import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.cluster.SchedulingMode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The workflow semantics on a 3-node cluster scheduling worker-side (WorkerSP). */
@Timeout(300)
class WorkerSideSemanticsIT extends WorkflowSemanticsContract {
    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension("worker-semantics", 3, 0.05, 1000,
            SchedulingMode.WORKER);

    @Override
    LocalCluster cluster() {
        return CLUSTER.cluster();
    }

    @Override
    IngressClient client() {
        return CLUSTER.client();
    }
}
