package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Re-partitioning from observed output sizes changes the plan as the algorithm predicts, without disturbing runs. */
@Timeout(300)
class ReplanIT {
    private static final String INPUT = "{\"sizes\": {\"big\": 5000000}}";
    // The paper's scale limit (96 units per node): two of the workflow's 40-unit functions fit on a node, not three.
    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension("replan", 3, 0.05, 120);
    private static LocalCluster cluster;
    private static IngressClient client;

    @BeforeAll
    static void connect() {
        cluster = CLUSTER.cluster();
        client = CLUSTER.client();
    }

    @Test
    void shouldRegroupAlongTheEdgeThatReallyCarriesData() throws Exception {
        String yaml = ClusterFixture.resource("/workflows/replan/flat_workflow.yaml");
        JsonNode declared = client.deploy("replan", yaml, true).path("plan").path("functionNodes");
        assertEquals(declared.path("a").asInt(), declared.path("b").asInt(), "declared sizes: a joins b " + declared);
        assertNotEquals(declared.path("a").asInt(), declared.path("c").asInt());

        IngressClient.IngressException tooEarly = org.junit.jupiter.api.Assertions.assertThrows(
                IngressClient.IngressException.class, () -> client.replan("replan"));
        assertEquals(409, tooEarly.status());

        JsonNode first = client.awaitFinished(client.invoke("replan", INPUT), Duration.ofMinutes(1));
        assertEquals("SUCCEEDED", first.path("status").asText(), first.toString());

        String before = client.invoke("replan", INPUT);
        JsonNode replanned = client.replan("replan");
        String after = client.invoke("replan", INPUT);
        assertEquals(2, replanned.path("version").asInt());
        JsonNode nodes = replanned.path("plan").path("functionNodes");
        assertEquals(nodes.path("a").asInt(), nodes.path("c").asInt(), "observed sizes: a joins c " + replanned);
        assertNotEquals(nodes.path("a").asInt(), nodes.path("b").asInt());
        assertTrue(replanned.path("plan").path("partition").path("memoryUsedBytes").asLong() >= 5_000_000,
                "the observed 5 MB of a -> c now live in memory: " + replanned);
        assertEquals("MEM", replanned.path("plan").path("destinations").path("a/big").asText());

        for (String id : new String[] {before, after}) {
            JsonNode status = client.awaitFinished(id, Duration.ofMinutes(1));
            assertEquals("SUCCEEDED", status.path("status").asText(), status.toString());
        }
    }
}
