package io.faasflow.ingress.health;

import io.faasflow.ingress.kafka.KafkaClients;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the Kafka cluster answers a describe-cluster request within {@value #TIMEOUT_MS} ms. */
@Readiness
@Singleton
public class KafkaReadinessCheck implements HealthCheck {
    static final int TIMEOUT_MS = 2000;

    private final KafkaClients clients;

    @Inject
    public KafkaReadinessCheck(KafkaClients clients) {
        this.clients = clients;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka")
                .withData("bootstrap.servers", clients.bootstrapServers());
        try {
            DescribeClusterResult cluster = clients.admin()
                    .describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
            Collection<Node> nodes = cluster.nodes().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
            return response.up()
                    .withData("cluster.id", cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
                    .withData("brokers", nodes.size())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        } catch (Exception e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
