package io.faasflow.functions.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.topology.wire.DeployedWorkflow;
import io.faasflow.topology.wire.WireJson;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /run} and {@code POST /forget} over real HTTP, with in-memory storage. */
class FunctionServerRunTest {
    private final ServerFixture fixture = new ServerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private ServerCalls serving(String function) {
        ServerCalls server = fixture.start();
        ServerCalls.Answer init = server.post("/init", TestDeployments.init(TestDeployments.wordcount(), function));
        assertEquals(200, init.status(), init.body());
        return server;
    }

    /** Runs wordcount's start for an invocation on a server of its own. */
    private void runStart(String invocation) {
        RunResponse start = serving("start").post("/run", TestDeployments.single(invocation)).as(RunResponse.class);
        assertTrue(start.succeeded(), start.toString());
    }

    @Test
    void shouldRunWordcountStartAndStoreItsOutputs() throws Exception {
        ServerCalls server = serving("start");
        long before = System.currentTimeMillis() * 1_000;
        ServerCalls.Answer answer = server.post("/run", TestDeployments.single("inv"));
        assertEquals(200, answer.status(), answer.body());
        JsonNode json = answer.json();
        assertTrue(json.get("errorType").isNull() && json.get("errorMessage").isNull(), answer.body());
        assertTrue(json.get("putNanos").asLong() > 0 && json.has("fetchNanos"), answer.body());

        RunResponse run = answer.as(RunResponse.class);
        assertEquals(Map.of("filename", 8), run.keyCounts());
        assertEquals(Map.of("filename", (long) fixture.stored("inv", "start/filename").length,
                "file", (long) fixture.stored("inv", "start/file").length), run.outputBytes());
        List<String> books = WireJson.mapper().readValue(fixture.stored("inv", "start/filename"), new TypeReference<>() { });
        assertEquals(8, books.size());
        assertTrue(run.startMicros() >= before && run.endMicros() >= run.startMicros(), run.toString());
        assertEquals(1, server.get("/status").as(StatusResponse.class).runs());
    }

    @Test
    void shouldRunOneForeachElementOfCount() throws Exception {
        runStart("inv");
        ServerCalls count = serving("count");
        RunResponse element = count.post("/run", TestDeployments.element("inv", 3)).as(RunResponse.class);
        assertNull(element.errorType(), element.toString());
        byte[] stored = fixture.stored("inv", "count/wordcount@3");
        assertEquals(Map.of("wordcount", (long) stored.length), element.outputBytes());
        assertEquals(Map.of(), element.keyCounts());
        assertTrue(element.putNanos() > 0 && element.fetchNanos() > 0, "data times: " + element);
        Map<String, Long> counts = WireJson.mapper().readValue(stored, new TypeReference<>() { });
        assertTrue(counts.values().stream().mapToLong(Long::longValue).sum() > 10_000, counts.size() + " words");

        ServerCalls.Answer noElement = count.post("/run", TestDeployments.single("inv"));
        assertEquals(400, noElement.status(), noElement.body());
        assertTrue(noElement.error().startsWith("field 'element' is -1, but function count is a foreach function"),
                noElement.error());
    }

    @Test
    void shouldRunTheMergeOverEveryElement() throws Exception {
        runStart("inv");
        ServerCalls count = serving("count");
        IntStream.range(0, 8).forEach(i -> assertTrue(count.post("/run", TestDeployments.element("inv", i))
                .as(RunResponse.class).succeeded()));
        RunResponse merge = serving("merge").post("/run", new RunRequest("inv", -1, 1, Map.of("count", 8)))
                .as(RunResponse.class);
        assertNull(merge.errorType(), merge.toString());
        Map<String, Long> result = WireJson.mapper().readValue(fixture.stored("inv", "merge/result"),
                new TypeReference<>() { });
        assertTrue(result.get("the") > 1_000, "the: " + result.get("the"));
    }

    @Test
    void shouldReadTheForeachListOnceUntilForgotten() {
        runStart("inv");
        ServerCalls count = serving("count");
        List<CompletableFuture<ServerCalls.Answer>> runs = IntStream.range(0, 6)
                .mapToObj(i -> count.postAsync("/run", TestDeployments.element("inv", i)))
                .toList();
        runs.forEach(run -> assertTrue(run.join().as(RunResponse.class).succeeded(), run.join().body()));
        assertEquals(1, fixture.local.reads("inv", "start/filename"), "list reads by 6 concurrent runs");

        ServerCalls.Answer forget = count.post("/forget", new ForgetRequest("inv"));
        assertEquals(200, forget.status(), forget.body());
        assertEquals(new ForgetResponse("inv"), forget.as(ForgetResponse.class));
        assertTrue(count.post("/run", TestDeployments.element("inv", 6)).as(RunResponse.class).succeeded());
        assertEquals(2, fixture.local.reads("inv", "start/filename"), "list reads after the forget");
        assertEquals(7, count.get("/status").as(StatusResponse.class).runs());
    }

    @Test
    void shouldAnswerAFailingFunctionWithItsError() {
        ServerCalls server = fixture.start();
        String yaml = TestDeployments.oneFunction("fail");
        ServerCalls.Answer init = server.post("/init", TestDeployments.init(TestDeployments.deploy("doomed", 1, yaml, false), "solo"));
        assertEquals(new InitResponse("solo", "fail"), init.as(InitResponse.class));
        ServerCalls.Answer answer = server.post("/run", TestDeployments.single("inv"));
        assertEquals(200, answer.status(), answer.body());
        RunResponse run = answer.as(RunResponse.class);
        assertEquals("IllegalStateException", run.errorType());
        assertEquals("function solo fails on purpose (source 'fail')", run.errorMessage());
        assertEquals(Map.of(), run.outputBytes());
        assertEquals(1, server.get("/status").as(StatusResponse.class).runs());
    }

    @Test
    void shouldRefuseARunBeforeInit() {
        ServerCalls server = fixture.start();
        ServerCalls.Answer answer = server.post("/run", TestDeployments.single("inv"));
        assertEquals(409, answer.status(), answer.body());
        assertEquals("no function is loaded: POST /init before /run", answer.error());
        assertEquals(0, server.get("/status").as(StatusResponse.class).runs());
    }

    @Test
    void shouldNameTheProblemOfAMalformedRun() {
        ServerCalls server = serving("start");
        assertError(server.postText("/run", "{\"invocation\": \"inv\", "), "the body is not valid JSON: ");
        assertError(server.postText("/run", ""), "the body is empty");
        assertError(server.postText("/run", "[1, 2]"), "the body must be a JSON object");
        assertError(server.postText("/run", "null"), "the body must be a JSON object; got null");
        assertError(server.postText("/run", "{\"invocation\": \"inv\", \"element\": \"first\", \"attempt\": 1,"
                + " \"elementCounts\": {}}"), "field 'element' has a wrong value: ");
        assertError(server.postText("/run", "{\"invocation\": \"inv\", \"element\": -1, \"elementCounts\": {}}"),
                "field 'attempt' is missing");
        assertError(server.post("/run", new RunRequest("inv", -1, 1, Map.of("count", -2))),
                "field 'elementCounts.count' must be a count at least 0");
        assertError(server.post("/run", new RunRequest(" ", -1, 1, Map.of())), "field 'invocation' must not be blank");
        assertError(server.post("/run", TestDeployments.element("inv", 2)),
                "field 'element' is 2, but function start is not a foreach function");
        assertError(server.postText("/forget", "{}"), "field 'invocation' is missing");
        assertEquals(0, server.get("/status").as(StatusResponse.class).runs());
    }

    @Test
    void shouldAnswerUnknownRoutesAndMethods() {
        ServerCalls server = fixture.start();
        ServerCalls.Answer unknown = server.get("/statusx");
        assertEquals(404, unknown.status(), unknown.body());
        assertTrue(unknown.error().startsWith("no route /statusx"), unknown.error());
        ServerCalls.Answer wrongMethod = server.get("/run");
        assertEquals(405, wrongMethod.status(), wrongMethod.body());
        assertEquals("/run takes POST, not GET", wrongMethod.error());
    }

    @Test
    void shouldRunAnyFunctionOfTheSameImplementationAndRefuseOthers() {
        ServerCalls server = fixture.start();
        String yaml = io.faasflow.topology.load.BenchmarkWorkflows.yaml("genome");
        DeployedWorkflow genome = TestDeployments.deploy("genome", 1, yaml, true);
        String first = "individuals_00000001";
        String other = "sifting_00000011";
        assertEquals(200, server.post("/init", TestDeployments.init(genome, first)).status());
        RunResponse run = server.post("/run", new RunRequest("inv", -1, 1, Map.of(), other)).as(RunResponse.class);
        assertTrue(run.succeeded(), run.toString());
        assertTrue(run.outputBytes().keySet().stream().allMatch(key -> !key.isEmpty()), run.toString());
        assertTrue(fixture.storedKeys("inv").stream().anyMatch(key -> key.startsWith(other + "/")),
                "the named function's outputs were stored: " + fixture.storedKeys("inv"));

        ServerCalls wordcount = serving("start");
        assertError(wordcount.post("/run", new RunRequest("inv2", -1, 1, Map.of(), "count")),
                "field 'function' is count, which runs wordcount/count; this server runs wordcount/start");
        assertError(wordcount.post("/run", new RunRequest("inv2", -1, 1, Map.of(), "nope")),
                "field 'function' is 'nope', which names no function of wordcount");
    }

    private static void assertError(ServerCalls.Answer answer, String errorStart) {
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.error().startsWith(errorStart), "expected '" + errorStart + "...', got: " + answer.error());
    }
}
