package io.faasflow.experiments.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.Container;
import io.faasflow.experiments.client.IngressClient;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.scheduler.NodeSchedulerConfig;
import io.faasflow.scheduler.runtime.ContainerSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The docker runtime's pool on a real engine: labels and memory limit, pre-warming, warm reuse, a container
 * killed mid-run replaced with the try retried, and a restarted scheduler removing only the containers it owns.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerRuntimeIT {
    private static final String WORKFLOW = "slow-step";
    private static LocalCluster cluster;
    private static IngressClient client;
    private static DockerContainers docker;
    private static int nodeOfB;

    @BeforeAll
    static void start() throws Exception {
        DockerTestEngine.requireEngineAndImage();
        docker = new DockerContainers();
        cluster = ContainerWorkloadsContract.startCluster("docker-runtime", "docker", Map.of(
                NodeSchedulerConfig.PREWARM_CONFIG, WORKFLOW + "/a=2",
                NodeSchedulerConfig.POOL_IDLE_CONFIG, "300",
                NodeSchedulerConfig.CONTAINER_MEMORY_CONFIG, "200"));
        client = new IngressClient(cluster.ingressUrl(), cluster.apiToken());
        JsonNode nodes = client.deploy(WORKFLOW, ClusterFixture.resource("/workflows/slow-step/flat_workflow.yaml"), true,
                "hash").path("plan").path("functionNodes");
        nodeOfB = nodes.path("b").asInt();
        assertTrue(nodes.path("a").asInt() != nodeOfB, "the test needs a and b on different nodes: " + nodes);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
            assertEquals(List.of(), docker.withLabel(ContainerSpec.LABEL_OWNER, owners()), "containers left behind");
        }
        if (docker != null) {
            docker.close();
        }
    }

    @Test
    @Order(1)
    void shouldPrewarmLabelledContainersWithTheirMemoryLimit() throws Exception {
        WorkerSideSchedulingIT.waitUntil(() -> containersOf("a").size() == 2, Duration.ofSeconds(60));
        // Initialised, not only started: the server logs the implementation it serves once /init is done.
        WorkerSideSchedulingIT.waitUntil(() -> containersOf("a").stream().allMatch(DockerRuntimeIT::initialised),
                Duration.ofSeconds(60));
        for (Container container : containersOf("a")) {
            Map<String, String> labels = container.getLabels();
            assertEquals(WORKFLOW, labels.get(ContainerSpec.LABEL_WORKFLOW));
            assertTrue(owners().contains(labels.get(ContainerSpec.LABEL_OWNER)), labels.toString());
            assertEquals("node-" + labels.get(ContainerSpec.LABEL_NODE) + "@" + cluster.bootstrapServers(),
                    labels.get(ContainerSpec.LABEL_OWNER));
            assertEquals("fill", labels.get(ContainerSpec.LABEL_IMPLEMENTATION));
            assertEquals(200L * 1024 * 1024, docker.memoryLimit(container.getId()));
            assertConfined(docker.inspect(container.getId()));
        }
    }

    /** User code runs unprivileged: no root, no capabilities, nothing writable but /tmp, bounded CPU and processes. */
    private static void assertConfined(com.github.dockerjava.api.command.InspectContainerResponse inspected) {
        var host = inspected.getHostConfig();
        assertEquals("65534:65534", inspected.getConfig().getUser());
        assertEquals(Boolean.TRUE, host.getReadonlyRootfs());
        assertTrue(host.getTmpFs().containsKey("/tmp"), String.valueOf(host.getTmpFs()));
        assertEquals(List.of(com.github.dockerjava.api.model.Capability.ALL), List.of(host.getCapDrop()));
        assertTrue(host.getSecurityOpts().contains("no-new-privileges"), String.valueOf(host.getSecurityOpts()));
        assertEquals(256L, host.getPidsLimit());
        assertEquals(1_000_000_000L, host.getNanoCPUs());
        assertEquals(Boolean.FALSE, host.getPrivileged());
        assertEquals("faasflow-functions", host.getNetworkMode(), "off the host's network");
    }

    @Test
    @Order(2)
    void shouldReuseWarmContainers() throws Exception {
        JsonNode first = client.awaitFinished(client.invoke(WORKFLOW, "{}"), Duration.ofMinutes(2));
        assertEquals("SUCCEEDED", first.path("status").asText(), first.toString());
        List<String> afterFirst = ids(containersOf("b"));
        JsonNode second = client.awaitFinished(client.invoke(WORKFLOW, "{}"), Duration.ofMinutes(2));
        assertEquals("SUCCEEDED", second.path("status").asText(), second.toString());
        assertEquals(2, containersOf("a").size(), "a ran in its pre-warmed containers");
        assertEquals(afterFirst, ids(containersOf("b")), "b ran again in the container of its first run");
    }

    @Test
    @Order(3)
    void shouldRetryOnANewContainerWhenTheContainerIsKilledMidRun() throws Exception {
        List<String> before = ids(containersOf("b"));
        String id = client.invoke(WORKFLOW, "{}");
        // b runs 3 s in its warm container: kill that container a moment into the run.
        Thread.sleep(1_500);
        before.forEach(docker::kill);
        JsonNode status = client.awaitFinished(id, Duration.ofMinutes(2));
        assertEquals("SUCCEEDED", status.path("status").asText(), status.toString());
        assertEquals(2, status.path("functions").path("b").path("attempts").asInt(), status.toString());
        List<String> after = ids(containersOf("b"));
        assertFalse(after.isEmpty());
        assertTrue(after.stream().noneMatch(before::contains), "the killed container was replaced: " + after);
    }

    @Test
    @Order(4)
    void shouldRemoveOnlyItsOwnContainersWhenASchedulerRestarts() throws Exception {
        int node = nodeOfB;
        String owner = "node-" + node + "@" + cluster.bootstrapServers();
        List<String> others = ids(docker.runningWithLabel(ContainerSpec.LABEL_OWNER,
                owners().stream().filter(o -> !o.equals(owner)).toList()));
        List<String> own = ids(docker.runningWithLabel(ContainerSpec.LABEL_OWNER, List.of(owner)));
        assertFalse(own.isEmpty() || others.isEmpty(), "containers on node " + node + " and elsewhere: " + own + " " + others);
        cluster.killScheduler(node);
        assertEquals(own, ids(docker.runningWithLabel(ContainerSpec.LABEL_OWNER, List.of(owner))),
                "a killed scheduler's containers outlive it");
        cluster.startScheduler(node);
        cluster.awaitScheduler(node);
        assertEquals(List.of(), docker.withLabel(ContainerSpec.LABEL_OWNER, List.of(owner)).stream()
                .filter(container -> own.contains(container.getId())).toList(), "the restarted scheduler removed them");
        assertTrue(ids(docker.runningWithLabel(ContainerSpec.LABEL_OWNER, owners())).containsAll(others),
                "the other schedulers' containers are untouched");
        JsonNode status = client.awaitFinished(client.invoke(WORKFLOW, "{}"), Duration.ofMinutes(2));
        assertEquals("SUCCEEDED", status.path("status").asText(), status.toString());
    }

    private static boolean initialised(Container container) {
        try {
            return docker.logs(container.getId()).contains("with implementation fill");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<Container> containersOf(String function) {
        return docker.runningWithLabel(ContainerSpec.LABEL_OWNER, owners()).stream()
                .filter(container -> WORKFLOW.equals(container.getLabels().get(ContainerSpec.LABEL_WORKFLOW)))
                .filter(container -> function.equals(container.getLabels().get(ContainerSpec.LABEL_FUNCTION)))
                .toList();
    }

    private static List<String> ids(List<Container> containers) {
        return containers.stream().map(Container::getId).sorted().toList();
    }

    private static List<String> owners() {
        return java.util.stream.IntStream.range(0, cluster.nodes())
                .mapToObj(node -> "node-" + node + "@" + cluster.bootstrapServers()).toList();
    }
}
