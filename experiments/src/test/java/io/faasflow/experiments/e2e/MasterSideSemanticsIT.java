package io.faasflow.experiments.e2e;

import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.cluster.SchedulingMode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The workflow semantics on a 3-node cluster scheduling master-side (MasterSP). */
@Timeout(300)
class MasterSideSemanticsIT extends WorkflowSemanticsContract {
    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension("master-semantics", 3, 0.05, 1000,
            SchedulingMode.MASTER);

    @Override
    LocalCluster cluster() {
        return CLUSTER.cluster();
    }

    @Override
    IngressClient client() {
        return CLUSTER.client();
    }
}
