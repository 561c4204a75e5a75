package io.faasflow.ingress.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faasflow.ingress.Eventually;
import io.faasflow.ingress.KafkaBrokerResource;
import io.faasflow.ingress.config.IngressSettings;
import io.faasflow.topology.wire.CatalogEntry;
import io.faasflow.topology.load.BenchmarkWorkflows;
import io.faasflow.topology.wire.FunctionTiming;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.InvocationStatus;
import io.faasflow.topology.wire.WireJson;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP API against a real in-JVM Kafka broker. Ordered: the 503 for a missing function catalog must be
 * seen before the test that publishes one.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(30)
class IngressApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String WORDCOUNT = BenchmarkWorkflows.yaml("wordcount");
    /**
     * The cancel tests redeploy the workflow of the invocation test rather than a new one: every other deployed
     * workflow keeps node capacity, and the capacity test needs what is left.
     */
    private static final String CANCEL_WORKFLOW = "wc-invoke";
    private static final String UNKNOWN_SUCCESSOR = """
            functions:
            - name: a
              source: s
              next: {type: pass, nodes: [b]}
            - name: b
              source: s
              next: {type: pass, nodes: [missing]}
            """;

    @Inject
    IngressSettings settings;

    @BeforeEach
    void authenticate() {
        RestAssured.requestSpecification = KafkaBrokerResource.authenticated();
    }

    @AfterEach
    void forget() {
        RestAssured.requestSpecification = null;
    }

    @Test
    @Order(1)
    void shouldDeploySyntheticWorkflowAndPlaceEveryFunction() {
        deploy("wc", WORDCOUNT, true, "contiguous")
                .then().statusCode(201)
                .body("workflow", equalTo("wc"))
                .body("version", equalTo(1))
                .body("synthetic", equalTo(true))
                .body("plan.nodes", equalTo(KafkaBrokerResource.NODES))
                .body("plan.strategy", equalTo("contiguous"))
                .body("plan.functionNodes", hasKey("start"))
                .body("plan.functionNodes", hasKey("count"))
                .body("plan.functionNodes", hasKey("merge"))
                .body("plan.startFunctions", equalTo(List.of("start")));

        given().get("/workflows/wc").then().statusCode(200)
                .body("workflow", equalTo("wc"))
                .body("version", equalTo(1))
                .body("plan.functionNodes.merge", notNullValue());
    }

    @Test
    @Order(2)
    void shouldIncreaseVersionWhenDeployedAgain() {
        deploy("wc-again", WORDCOUNT, true, "hash").then().statusCode(201).body("version", equalTo(1));
        deploy("wc-again", WORDCOUNT, true, "hash").then().statusCode(201)
                .body("version", equalTo(2))
                .body("plan.strategy", equalTo("hash"));
        given().get("/workflows/wc-again").then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    @Order(3)
    void shouldAnswer404WhenWorkflowUnknown() {
        given().get("/workflows/nope").then().statusCode(404)
                .body("type", equalTo("NotFound"))
                .body("message", equalTo("no workflow 'nope' is deployed"))
                .body("retryable", equalTo(false));
    }

    @Test
    @Order(4)
    void shouldAnswer400NamingFunctionAndFieldWhenSuccessorUnknown() {
        deploy("broken", UNKNOWN_SUCCESSOR, true, null)
                .then().statusCode(400)
                .body("type", equalTo("WorkflowDefinitionException"))
                .body("retryable", equalTo(false))
                .body("problems.function", hasItem("b"))
                .body("problems.field", hasItem("next.nodes"));
    }

    @Test
    @Order(5)
    void shouldAnswer400WhenPlacementUnknown() {
        deploy("wc-bad-placement", WORDCOUNT, true, "random").then().statusCode(400)
                .body("type", equalTo("BadRequest"))
                .body("message", containsString("random"));
    }

    @Test
    @Order(6)
    void shouldAnswer503WhenNoNodeRegisteredItsFunctions() {
        deploy("wc-real", WORDCOUNT, false, null).then().statusCode(503)
                .body("retryable", equalTo(true))
                .body("message", containsString("no node scheduler has registered its functions yet"));
    }

    @Test
    @Order(7)
    void shouldAnswer400NamingFunctionWhenItsSourceIsNotInTheCatalog() {
        publishCatalog(List.of("synthetic", "start", "count"));
        Response rejected = Eventually.await(WAIT, "the catalog to be read", () -> {
            Response response = deploy("wc-real", WORDCOUNT, false, null);
            return response.statusCode() == 503 ? null : response;
        });
        rejected.then().statusCode(400)
                .body("type", equalTo("WorkflowDefinitionException"))
                .body("problems.function", equalTo(List.of("merge")))
                .body("problems.field", equalTo(List.of("source")))
                .body("message", containsString("merge"));

        publishCatalog(List.of("synthetic", "start", "count", "merge"));
        Eventually.await(WAIT, "the complete catalog to be read", () -> {
            Response response = deploy("wc-real", WORDCOUNT, false, null);
            return response.statusCode() == 201 ? response : null;
        }).then().body("synthetic", equalTo(false)).body("version", equalTo(1));
    }

    @Test
    @Order(8)
    void shouldWriteInvocationToEntryNodePartitionAndReportRunning() throws IOException {
        int entryNode = deployForInvocation("wc-invoke");
        String id = given().contentType("application/json").body("{\"x\": 1, \"name\": \"n\"}")
                .post("/workflows/wc-invoke/invocations")
                .then().statusCode(202).body("id", notNullValue())
                .extract().path("id");

        ConsumerRecord<String, byte[]> record = findInvocation(entryNode, id);
        JsonNode json = WireJson.mapper().readTree(record.value());
        assertEquals(id, json.get("id").asText());
        assertEquals("wc-invoke", json.get("workflow").asText());
        assertEquals(1, json.get("input").get("x").asInt());
        assertEquals("n", json.get("input").get("name").asText());
        assertTrue(json.get("submittedAt").asLong() > 0);

        given().get("/invocations/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("workflow", equalTo("wc-invoke"))
                .body("status", equalTo("RUNNING"))
                .body("submittedAt", notNullValue())
                .body("$", not(hasKey("startedAt")))
                .body("$", not(hasKey("functions")));
    }

    @Test
    @Order(9)
    void shouldReportSucceededWithTimingsWhenResultArrives() {
        deployForInvocation("wc-result");
        String id = given().contentType("application/json").post("/workflows/wc-result/invocations").then().statusCode(202).extract().path("id");
        InvocationResult result = new InvocationResult(id, "wc-result", InvocationStatus.SUCCEEDED, null, 1000, 1001,
                1900, Map.of("start", new FunctionTiming(2, 1001, 1100, 1_001_000, 1_100_000)));
        send(settings.layout().results(), 1, id, WireJson.write(result));

        Eventually.await(WAIT, "the result to be read", () -> {
            Response response = given().get("/invocations/" + id);
            return "SUCCEEDED".equals(response.path("status")) ? response : null;
        }).then().statusCode(200)
                .body("workflow", equalTo("wc-result"))
                .body("startedAt", equalTo(1001))
                .body("finishedAt", equalTo(1900))
                .body("functions.start.node", equalTo(2))
                .body("functions.start.start", equalTo(1001))
                .body("functions.start.end", equalTo(1100))
                .body("functions.start.startMicros", equalTo(1_001_000))
                .body("functions.start.endMicros", equalTo(1_100_000))
                .body("$", not(hasKey("error")));
    }

    @Test
    @Order(10)
    void shouldAnswer404WhenInvocationUnknown() {
        given().get("/invocations/does-not-exist").then().statusCode(404).body("type", equalTo("NotFound"));
        given().contentType("application/json").body("{}").post("/workflows/nope/invocations").then().statusCode(404)
                .body("message", equalTo("no workflow 'nope' is deployed"));
    }

    @Test
    @Order(11)
    void shouldAnswer400WhenInvocationBodyIsNotAJsonObject() {
        deployForInvocation("wc-body");
        given().contentType("application/json").body("[1, 2]").post("/workflows/wc-body/invocations")
                .then().statusCode(400).body("type", equalTo("BadRequest")).body("field", equalTo("body"))
                .body("message", containsString("array"));
        given().contentType("application/json").body("{\"x\": ").post("/workflows/wc-body/invocations")
                .then().statusCode(400).body("message", containsString("not valid JSON"));
    }

    @Test
    @Order(12)
    void shouldBeReadyWhenKafkaAnswers() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    @Order(13)
    void shouldWriteOneCancelRecordToEveryNodeAndAnswer202WhenCancelling() throws IOException {
        String id = submitToCancel();

        given().delete("/invocations/" + id).then().statusCode(202)
                .header("Location", endsWith("/invocations/" + id))
                .body("id", equalTo(id))
                .body("workflow", equalTo(CANCEL_WORKFLOW))
                .body("status", equalTo("RUNNING"))
                .body("cancelRequested", equalTo(true));

        Map<Integer, List<ConsumerRecord<String, byte[]>>> cancels = readAllFunctionEvents(id);
        assertEquals(KafkaBrokerResource.NODES, cancels.size(), "partitions with a cancel record: " + cancels.keySet());
        JsonNode expected = WireJson.mapper().createObjectNode().put("kind", "cancel").put("invocation", id);
        for (int node = 0; node < KafkaBrokerResource.NODES; node++) {
            List<ConsumerRecord<String, byte[]>> onNode = cancels.get(settings.layout().partitionOf(node));
            assertEquals(1, onNode.size(), "cancel records on the partition of node " + node);
            assertEquals(expected, WireJson.mapper().readTree(onNode.getFirst().value()));
        }
    }

    @Test
    @Order(14)
    void shouldAnswer404WhenCancellingUnknownInvocation() {
        given().delete("/invocations/does-not-exist").then().statusCode(404)
                .body("type", equalTo("NotFound"))
                .body("message", equalTo("no invocation 'does-not-exist' is known"));
    }

    @Test
    @Order(15)
    void shouldAcceptRepeatedCancelAndAnswer409OnceInvocationEnded() {
        String id = submitToCancel();
        given().delete("/invocations/" + id).then().statusCode(202);
        given().delete("/invocations/" + id).then().statusCode(202);

        sendResult(id, CANCEL_WORKFLOW, InvocationStatus.SUCCEEDED);
        awaitStatus(id, "SUCCEEDED");

        given().delete("/invocations/" + id).then().statusCode(409)
                .body("type", equalTo("Conflict"))
                .body("retryable", equalTo(false))
                .body("message", equalTo("invocation '" + id + "' already ended with status SUCCEEDED"));
    }

    @Test
    @Order(16)
    void shouldReportCancelledWhenOwningNodeConfirms() {
        String id = submitToCancel();
        given().delete("/invocations/" + id).then().statusCode(202);

        sendResult(id, CANCEL_WORKFLOW, InvocationStatus.CANCELLED);
        awaitStatus(id, "CANCELLED").then().statusCode(200)
                .body("workflow", equalTo(CANCEL_WORKFLOW))
                .body("$", not(hasKey("error")))
                .body("$", not(hasKey("cancelRequested")));
        given().delete("/invocations/" + id).then().statusCode(409)
                .body("message", containsString("already ended with status CANCELLED"));
    }

    @Test
    @Order(20)
    void shouldShareNodeCapacityBetweenDeployedWorkflows() {
        // One function of 60 scale units: three such workflows fit, one per node (96 each); a fourth does not.
        String big = """
                functions:
                - name: heavy
                  source: synthetic
                  scale: 60
                """;
        for (int i = 1; i <= 3; i++) {
            deploy("big-" + i, big, true, null).then().statusCode(201)
                    .body("plan.partition.overcommitted", org.hamcrest.Matchers.empty());
        }
        given().contentType("application/yaml").body(big.getBytes(StandardCharsets.UTF_8))
                .queryParam("synthetic", true).queryParam("admission", "strict").post("/workflows/big-4")
                .then().statusCode(409)
                .body("type", equalTo("Conflict"))
                .body("message", containsString("does not fit"))
                .body("message", containsString("admission=strict"));
        given().contentType("application/yaml").body(big.getBytes(StandardCharsets.UTF_8))
                .queryParam("synthetic", true).queryParam("admission", "sometimes").post("/workflows/big-4")
                .then().statusCode(400)
                .body("field", equalTo("admission"));
        // As the original: capacity limits merges only, so the fourth deploys and its plan names the node it overloads.
        float over = deploy("big-4", big, true, null).then().statusCode(201)
                .body("plan.partition.overcommitted.size()", equalTo(1))
                .body("plan.partition.overcommitted[0].scaleUnitsOver", org.hamcrest.Matchers.greaterThanOrEqualTo(24.0f))
                .body("plan.partition.overcommitted[0].capacity", equalTo(96.0f))
                .extract().path("plan.partition.overcommitted[0].scaleUnitsOver");
        given().delete("/workflows/big-4").then().statusCode(200)
                .body("workflow", equalTo("big-4")).body("version", equalTo(2));
        given().get("/workflows/big-4").then().statusCode(404);
        given().contentType("application/json").body("{}").post("/workflows/big-4/invocations").then().statusCode(404);
        given().delete("/workflows/big-4").then().statusCode(404);
        given().get("/workflows").then().statusCode(200)
                .body("workflows.workflow", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("big-4")));
        // Deleting big-4 freed its 60 units: big-5 over-commits by what big-4 did, not by 60 more.
        deploy("big-5", big, true, null).then().statusCode(201)
                .body("plan.partition.overcommitted[0].scaleUnitsOver", equalTo(over));
        deploy("big-4", big, true, null).then().statusCode(201).body("version", equalTo(3));
        deploy("big-1", big, true, null).then().statusCode(201).body("version", equalTo(2));
    }

    private static Response deploy(String name, String yaml, boolean synthetic, String placement) {
        // Bytes: rest-assured has no encoder for application/yaml.
        var request = given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8)).queryParam("synthetic", synthetic);
        if (placement != null) {
            request = request.queryParam("placement", placement);
        }
        return request.post("/workflows/" + name);
    }

    /** Deploys with hash placement (whose entry node need not be 0) and returns the entry node. */
    private static int deployForInvocation(String name) {
        Response response = deploy(name, WORDCOUNT, true, "hash");
        response.then().statusCode(201);
        String start = response.path("plan.startFunctions[0]");
        return response.path("plan.functionNodes." + start);
    }

    private void publishCatalog(List<String> sources) {
        for (int node = 0; node < KafkaBrokerResource.NODES; node++) {
            send(settings.functionCatalogTopic(), null, Integer.toString(node),
                    WireJson.write(new CatalogEntry(node, sources)));
        }
    }

    @Test
    @Order(17)
    void shouldAnswerForInvocationsWrittenToTheTopicByOthersAndTimeThemOutWithoutAResult() throws Exception {
        long now = System.currentTimeMillis();
        send(settings.layout().invocations(), 1, "outside-1", utf8("{\"id\": \"outside-1\", \"workflow\": \"wc\","
                + " \"input\": {\"big\": [1, 2, 3]}, \"submittedAt\": " + now + "}"));
        long longAgo = now - settings.invocationTimeout().plus(InvocationView.RESULT_GRACE).toMillis() - 1000;
        send(settings.layout().invocations(), 2, "outside-2", utf8("{\"id\": \"outside-2\", \"workflow\": \"wc\","
                + " \"submittedAt\": " + longAgo + "}"));
        send(settings.layout().invocations(), 0, null, utf8("not json"));

        Eventually.await(WAIT, "the outside invocation to be read", () -> {
            Response response = given().get("/invocations/outside-1");
            return response.statusCode() == 200 ? response : null;
        }).then().body("status", equalTo("RUNNING")).body("workflow", equalTo("wc")).body("submittedAt", equalTo(now));
        Eventually.await(WAIT, "the overdue invocation to be read", () -> {
            Response response = given().get("/invocations/outside-2");
            return response.statusCode() == 200 ? response : null;
        }).then().body("status", equalTo("TIMED_OUT"))
                .body("error.type", equalTo("NoResult"))
                .body("error.message", containsString("node 2, which took it, has not answered"));
    }

    @Test
    @Order(18)
    void shouldListWorkflowsAndPageThroughInvocationsNewestFirst() {
        given().get("/workflows").then().statusCode(200)
                .body("workflows.workflow", hasItem("wc"))
                .body("workflows.find { it.workflow == 'wc' }.functions", equalTo(3))
                .body("workflows.find { it.workflow == 'wc' }.nodes", equalTo(KafkaBrokerResource.NODES));
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            submitted.add(submitToCancel());
        }
        Response first = given().queryParam("workflow", CANCEL_WORKFLOW).queryParam("status", "running")
                .queryParam("limit", 2).get("/invocations");
        first.then().statusCode(200).body("invocations.size()", equalTo(2)).body("next", notNullValue());
        List<String> ids = new ArrayList<>(first.jsonPath().getList("invocations.id", String.class));
        List<Long> times = new ArrayList<>(first.jsonPath().getList("invocations.submittedAt", Long.class));
        Response rest = given().queryParam("workflow", CANCEL_WORKFLOW).queryParam("status", "RUNNING")
                .queryParam("limit", 1000).queryParam("before", first.jsonPath().getString("next")).get("/invocations");
        rest.then().statusCode(200);
        ids.addAll(rest.jsonPath().getList("invocations.id", String.class));
        times.addAll(rest.jsonPath().getList("invocations.submittedAt", Long.class));
        assertTrue(ids.containsAll(submitted), ids + " holds " + submitted);
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "no invocation on two pages: " + ids);
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i - 1) >= times.get(i), "newest first: " + times);
        }
        given().queryParam("status", "DONE").get("/invocations").then().statusCode(400).body("field", equalTo("status"));
        given().queryParam("limit", 0).get("/invocations").then().statusCode(400).body("field", equalTo("limit"));
        given().queryParam("before", "yesterday").get("/invocations").then().statusCode(400).body("field", equalTo("before"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void send(String topic, Integer partition, String key, byte[] value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot write to " + topic, e);
        }
    }

    private static String submitToCancel() {
        deployForInvocation(CANCEL_WORKFLOW);
        return given().contentType("application/json").post("/workflows/" + CANCEL_WORKFLOW + "/invocations").then().statusCode(202)
                .extract().path("id");
    }

    private void sendResult(String id, String workflow, InvocationStatus status) {
        InvocationResult result = new InvocationResult(id, workflow, status, null, 1000, 1001, 1900, Map.of());
        send(settings.layout().results(), 0, id, WireJson.write(result));
    }

    private static Response awaitStatus(String id, String status) {
        return Eventually.await(WAIT, "status " + status + " of " + id, () -> {
            Response response = given().get("/invocations/" + id);
            return status.equals(response.path("status")) ? response : null;
        });
    }

    /** Every record keyed {@code key} on function-events, by partition, read up to the current end. */
    private Map<Integer, List<ConsumerRecord<String, byte[]>>> readAllFunctionEvents(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, KafkaBrokerResource.NODES)
                    .mapToObj(p -> new TopicPartition(settings.layout().functionEvents(), p))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<Integer, List<ConsumerRecord<String, byte[]>>> found = new TreeMap<>();
            return Eventually.await(WAIT, "the end of " + settings.layout().functionEvents(), () -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record);
                    }
                }
                boolean atEnd = end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                return atEnd ? found : null;
            });
        }
    }

    private ConsumerRecord<String, byte[]> findInvocation(int partition, String id) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(settings.layout().invocations(), partition);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            return Eventually.await(WAIT, "invocation " + id + " on partition " + partition, () -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(record.key())) {
                        return record;
                    }
                }
                return null;
            });
        }
    }
}
