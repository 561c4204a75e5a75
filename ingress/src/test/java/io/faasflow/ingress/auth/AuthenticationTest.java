package io.faasflow.ingress.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.faasflow.ingress.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.faasflow.ingress.config.IngressSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every API call needs the bearer token; health does not; each refusal says what is missing. Runs with two tokens
 * and a Kafka pass-through setting given as properties, as an operator would.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestProfile(AuthenticationTest.Operated.class)
class AuthenticationTest {
    private static final String TOKEN = KafkaBrokerResource.API_TOKEN;
    private static final String SECOND_TOKEN = "second-token-of-the-operator";

    /** A second token beside the test resource's, and a Kafka client setting by pass-through. */
    public static class Operated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("faasflow.api-token", TOKEN + "," + SECOND_TOKEN,
                    "faasflow.kafka.security.protocol", "PLAINTEXT");
        }
    }

    @Inject
    IngressSettings settings;

    @Test
    void shouldTakeEveryConfiguredTokenAndTheKafkaSettingsAsProperties() {
        given().header("Authorization", "Bearer " + SECOND_TOKEN).get("/workflows/nothing").then().statusCode(404);
        org.junit.jupiter.api.Assertions.assertEquals(Map.of("security.protocol", "PLAINTEXT"),
                settings.kafkaSecurity().properties());
    }

    @Test
    void shouldRefuseEveryCallWithoutAToken() {
        given().get("/workflows/anything").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"faasflow\"")
                .body("type", equalTo("Unauthorized"))
                .body("field", equalTo("Authorization"))
                .body("message", containsString("Authorization: Bearer <token>"));
        given().contentType("application/json").body("{}").post("/workflows/anything/invocations").then().statusCode(401);
        given().contentType("application/yaml").body("functions: []".getBytes(StandardCharsets.UTF_8)).post("/workflows/anything").then().statusCode(401);
        given().delete("/invocations/some-id").then().statusCode(401);
        given().get("/no/such/path").then().statusCode(401);
    }

    @Test
    void shouldNameWhatIsWrongWithTheHeader() {
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/workflows/x").then().statusCode(401)
                .body("message", equalTo("Authorization must be 'Bearer <token>'; got the scheme 'Basic'"));
        given().header("Authorization", "Bearer " + TOKEN + "-not").get("/workflows/x").then().statusCode(401)
                .body("message", equalTo("the bearer token is not one this ingress accepts"));
        given().header("Authorization", "Bearer " + TOKEN.substring(0, 10)).get("/workflows/x").then().statusCode(401);
    }

    @Test
    void shouldLetAnAcceptedTokenThroughWhateverTheSchemesCase() {
        given().header("Authorization", "Bearer " + TOKEN).get("/workflows/not-deployed").then().statusCode(404)
                .body("type", equalTo("NotFound"));
        given().header("Authorization", "bearer " + TOKEN).get("/invocations/not-known").then().statusCode(404);
    }

    @Test
    void shouldKeepHealthOpenForProbes() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void shouldTakeOnlyTheDocumentedContentTypes() {
        String bearer = "Bearer " + TOKEN;
        given().header("Authorization", bearer).contentType("text/plain").body("functions: []".getBytes(StandardCharsets.UTF_8))
                .post("/workflows/typed").then().statusCode(415)
                .body("type", equalTo("UnsupportedMediaType"))
                .body("field", equalTo("Content-Type"))
                .body("message", equalTo("Content-Type: 'text/plain' is not taken here; send application/yaml or"
                        + " application/x-yaml or text/yaml"));
        given().header("Authorization", bearer).contentType("application/x-www-form-urlencoded").body("a=1")
                .post("/workflows/typed/invocations").then().statusCode(415)
                .body("message", containsString("send application/json"));
        given().header("Authorization", bearer).contentType("application/json; charset=UTF-8").body("{}")
                .post("/workflows/typed/invocations").then().statusCode(404);
        given().header("Authorization", bearer).contentType("application/x-www-form-urlencoded")
                .post("/workflows/typed/invocations").then().statusCode(415);
    }
}
