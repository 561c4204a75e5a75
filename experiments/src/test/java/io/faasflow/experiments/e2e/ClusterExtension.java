package io.faasflow.experiments.e2e;

import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.cluster.SchedulingMode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local cluster of real services per test class: {@code @RegisterExtension static final ClusterExtension
 * CLUSTER = new ClusterExtension("name", 3, 0.05, 1000);} starts it before the class and stops it after.
 */
final class ClusterExtension implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private final int nodes;
    private final double runtimeScale;
    private final int scaleLimit;
    private final SchedulingMode scheduling;
    private LocalCluster cluster;
    private IngressClient client;

    ClusterExtension(String name, int nodes, double runtimeScale, int scaleLimit) {
        this(name, nodes, runtimeScale, scaleLimit, SchedulingMode.WORKER);
    }

    ClusterExtension(String name, int nodes, double runtimeScale, int scaleLimit, SchedulingMode scheduling) {
        this.scheduling = scheduling;
        this.name = name;
        this.nodes = nodes;
        this.runtimeScale = runtimeScale;
        this.scaleLimit = scaleLimit;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster = ClusterFixture.start(name, nodes, runtimeScale, scaleLimit, scheduling);
        client = new IngressClient(cluster.ingressUrl(), cluster.apiToken());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }

    LocalCluster cluster() {
        return cluster;
    }

    IngressClient client() {
        return client;
    }
}
