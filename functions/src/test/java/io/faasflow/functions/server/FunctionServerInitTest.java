package io.faasflow.functions.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.functions.FunctionRegistry;
import io.faasflow.functions.WorkflowFunction;
import io.faasflow.functions.FunctionContext;
import io.faasflow.topology.wire.DeployedWorkflow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /status} and {@code POST /init} over real HTTP, with in-memory storage. */
class FunctionServerInitTest {
    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldReportReadyBeforeInitAndTheFunctionAfter() {
        ServerCalls server = fixture.start();
        ServerCalls.Answer before = server.get("/status");
        assertEquals(200, before.status());
        assertEquals(new StatusResponse("ready", null, 0), before.as(StatusResponse.class));
        assertTrue(before.json().has("function") && before.json().get("function").isNull(), before.body());

        ServerCalls.Answer init = server.post("/init", TestDeployments.init(TestDeployments.wordcount(), "start"));
        assertEquals(200, init.status(), init.body());
        assertEquals(new InitResponse("start", "wordcount/start"), init.as(InitResponse.class));
        assertEquals(new StatusResponse("initialized", "start", 0), server.get("/status").as(StatusResponse.class));
        assertEquals(List.of(TestDeployments.STORAGE.toConfig()), fixture.connections);
    }

    @Test
    void shouldTreatARepeatedInitAsANoOpAndRefuseAnotherFunction() {
        ServerCalls server = fixture.start();
        DeployedWorkflow wordcount = TestDeployments.wordcount();
        assertEquals(200, server.post("/init", TestDeployments.init(wordcount, "count")).status());
        ServerCalls.Answer again = server.post("/init", TestDeployments.init(wordcount, "count"));
        assertEquals(200, again.status(), again.body());
        assertEquals(new InitResponse("count", "wordcount/count"), again.as(InitResponse.class));
        assertEquals(1, fixture.connections.size(), "the repeated init connected again");

        ServerCalls.Answer other = server.post("/init", TestDeployments.init(wordcount, "merge"));
        assertEquals(409, other.status(), other.body());
        assertTrue(other.error().contains("function count of wordcount v1") && other.error().contains("merge"),
                other.error());
        DeployedWorkflow nextVersion = TestDeployments.deploy("wordcount", 2, wordcount.yaml(), false);
        assertEquals(409, server.post("/init", TestDeployments.init(nextVersion, "count")).status());
        assertEquals("count", server.get("/status").as(StatusResponse.class).function());
    }

    @Test
    void shouldNameTheFieldOfAnInvalidInit() {
        ServerCalls server = fixture.start();
        DeployedWorkflow wordcount = TestDeployments.wordcount();
        StorageSettings noRedis = new StorageSettings(null, "http://127.0.0.1:5984", "data", 60L);
        assertBadRequest(server, new InitRequest(wordcount, "start", noRedis, 1.0, 1.0), "field 'storage.redisUri' is missing");
        StorageSettings badCouch = new StorageSettings("redis://127.0.0.1:6379", "couch", "data", 60L);
        assertBadRequest(server, new InitRequest(wordcount, "start", badCouch, 1.0, 1.0), "field 'storage.couchUrl'");
        assertBadRequest(server, new InitRequest(null, "start", TestDeployments.STORAGE, 1.0, 1.0),
                "field 'deployment' is missing");
        assertBadRequest(server, new InitRequest(wordcount, "start", TestDeployments.STORAGE, -1.0, 1.0),
                "field 'runtimeScale'");
        assertBadRequest(server, new InitRequest(wordcount, "start", TestDeployments.STORAGE, 1.0, null),
                "field 'sizeScale' is missing");
        assertBadRequest(server, TestDeployments.init(wordcount, "nope"), "field 'function' is 'nope'");
        DeployedWorkflow broken = new DeployedWorkflow("broken", 1, "functions: [{name: a}]", false, wordcount.plan(), 0);
        assertBadRequest(server, TestDeployments.init(broken, "a"), "field 'deployment.yaml' is not a valid workflow");

        ServerCalls.Answer wrongType = server.postText("/init", "{\"deployment\": 5}");
        assertEquals(400, wrongType.status(), wrongType.body());
        assertTrue(wrongType.error().startsWith("field 'deployment' has a wrong value"), wrongType.error());
        assertEquals("ready", server.get("/status").as(StatusResponse.class).state());
        assertTrue(fixture.connections.isEmpty(), "a refused init connected to storage");
    }

    @Test
    void shouldRefuseASourceWithoutImplementationUnlessTheDeploymentIsSynthetic() {
        ServerCalls server = fixture.start();
        String yaml = TestDeployments.oneFunction("no_such_source");
        ServerCalls.Answer refused = server.post("/init",
                TestDeployments.init(TestDeployments.deploy("lonely", 1, yaml, false), "solo"));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.error().contains("source 'no_such_source' has no implementation"), refused.error());

        ServerCalls.Answer synthetic = server.post("/init",
                TestDeployments.init(TestDeployments.deploy("lonely", 1, yaml, true), "solo"));
        assertEquals(200, synthetic.status(), synthetic.body());
        assertEquals(new InitResponse("solo", "synthetic"), synthetic.as(InitResponse.class));
        ServerCalls.Answer run = server.post("/run", TestDeployments.single("inv"));
        assertNull(run.as(RunResponse.class).errorType(), run.body());
        assertEquals(4, fixture.stored("inv", "solo/out").length);
    }

    @Test
    void shouldAnswer503WhenStorageIsUnreachableAndStayReady() {
        ServerCalls server = fixture.start();
        StorageSettings unreachable = new StorageSettings("redis://" + ServerFixture.UNREACHABLE + ":6379",
                "http://127.0.0.1:5984", "data", 60L);
        ServerCalls.Answer failed = server.post("/init",
                new InitRequest(TestDeployments.wordcount(), "start", unreachable, 1.0, 1.0));
        assertEquals(503, failed.status(), failed.body());
        assertTrue(failed.error().startsWith("storage: cannot connect to Redis at redis://" + ServerFixture.UNREACHABLE),
                failed.error());
        assertEquals("ready", server.get("/status").as(StatusResponse.class).state());
        assertEquals(200, server.post("/init", TestDeployments.init(TestDeployments.wordcount(), "start")).status());
    }

    /** Counts the instances made and remembers the instances that ran. */
    private record ProbeLog(AtomicInteger made, Set<WorkflowFunction> ran) {
        ProbeLog() {
            this(new AtomicInteger(), ConcurrentHashMap.newKeySet());
        }

        WorkflowFunction newProbe() {
            made.incrementAndGet();
            return new WorkflowFunction() {
                @Override
                public void run(FunctionContext context) throws InterruptedException {
                    ran.add(this);
                    Thread.sleep(Duration.ofMillis(20));
                    context.put("out", "done".getBytes(StandardCharsets.UTF_8));
                }
            };
        }
    }

    @Test
    void shouldBuildTheImplementationOnceAndReuseItForConcurrentRuns() {
        AtomicInteger registries = new AtomicInteger();
        ProbeLog probes = new ProbeLog();
        ServerCalls server = fixture.start(scale -> {
            registries.incrementAndGet();
            return FunctionRegistry.builder().register("probe", probes.newProbe()).build();
        });
        DeployedWorkflow probing = TestDeployments.deploy("probing", 3, TestDeployments.oneFunction("probe"), false);
        assertEquals(new InitResponse("solo", "probe"),
                server.post("/init", TestDeployments.init(probing, "solo")).as(InitResponse.class));
        assertEquals(200, server.post("/init", TestDeployments.init(probing, "solo")).status());

        List<CompletableFuture<ServerCalls.Answer>> runs = IntStream.range(0, 10)
                .mapToObj(i -> server.postAsync("/run", TestDeployments.single("inv" + i)))
                .toList();
        runs.forEach(run -> {
            ServerCalls.Answer answer = run.join();
            assertEquals(200, answer.status(), answer.body());
            assertTrue(answer.as(RunResponse.class).succeeded(), answer.body());
        });
        assertEquals(1, registries.get(), "registries built");
        assertEquals(1, probes.made().get(), "implementations made");
        assertEquals(1, probes.ran().size(), "distinct implementations that ran");
        assertEquals(1, fixture.connections.size(), "storage connections");
        assertEquals(10, server.get("/status").as(StatusResponse.class).runs());
        IntStream.range(0, 10).forEach(i -> assertEquals("done",
                new String(fixture.stored("inv" + i, "solo/out"), StandardCharsets.UTF_8)));
    }

    private static void assertBadRequest(ServerCalls server, InitRequest request, String errorStart) {
        ServerCalls.Answer answer = server.post("/init", request);
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.error().startsWith(errorStart), "expected '" + errorStart + "...', got: " + answer.error());
    }
}
