package io.faasflow.ingress.config;

import io.faasflow.topology.layout.KafkaClientSecurity;
import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.wire.InputLimits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated view of {@link IngressConfig}: checks ranges once and derives the {@link TopicLayout}.
 * Thread-safe (immutable after construction).
 */
@Singleton
public class IngressSettings {
    /** Shortest token accepted: a guessable token is no authentication. */
    public static final int MIN_TOKEN_LENGTH = 16;

    private final String bootstrapServers;
    private final TopicLayout layout;
    private final int resultsCacheSize;
    private final int scaleLimit;
    private final io.faasflow.topology.partition.Admission admission;
    private final InputLimits inputLimits;
    private final List<String> apiTokens;
    private final java.time.Duration invocationTimeout;
    private final short topicReplicationFactor;
    private final KafkaClientSecurity kafkaSecurity;

    /**
     * Validates the configuration; throws {@link IllegalArgumentException} naming the key and value at fault.
     */
    @Inject
    public IngressSettings(IngressConfig config) {
        if (config.bootstrapServers().isBlank()) {
            throw new IllegalArgumentException("faasflow.bootstrap-servers must not be blank");
        }
        if (config.nodes() < 1) {
            throw new IllegalArgumentException("faasflow.nodes must be at least 1; got " + config.nodes());
        }
        if (config.resultsCacheSize() < 1) {
            throw new IllegalArgumentException(
                    "faasflow.results-cache-size must be at least 1; got " + config.resultsCacheSize());
        }
        this.apiTokens = apiTokens(config);
        if (config.topicReplicationFactor() < 1) {
            throw new IllegalArgumentException("faasflow.topic-replication-factor must be at least 1; got "
                    + config.topicReplicationFactor());
        }
        this.topicReplicationFactor = config.topicReplicationFactor();
        if (config.invocationTimeoutSeconds() < 1) {
            throw new IllegalArgumentException("faasflow.invocation-timeout-seconds must be at least 1; got "
                    + config.invocationTimeoutSeconds());
        }
        this.invocationTimeout = java.time.Duration.ofSeconds(config.invocationTimeoutSeconds());
        this.kafkaSecurity = kafkaSecurity(config.kafka());
        this.bootstrapServers = config.bootstrapServers();
        this.layout = new TopicLayout(config.topicPrefix().orElse(""), config.nodes());
        this.resultsCacheSize = config.resultsCacheSize();
        if (config.scaleLimit() < 1) {
            throw new IllegalArgumentException("faasflow.scale-limit must be at least 1; got " + config.scaleLimit());
        }
        this.scaleLimit = config.scaleLimit();
        this.admission = io.faasflow.topology.partition.Admission.parse("faasflow.admission", config.admission());
        try {
            this.inputLimits = new InputLimits(config.limits().inputBytes(), config.limits().inputDepth(),
                    config.limits().inputFields(), config.limits().inputNameLength());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("faasflow.limits.*: " + e.getMessage(), e);
        }
    }

    private static List<String> apiTokens(IngressConfig config) {
        List<String> tokens = config.apiToken().orElse(List.of()).stream().map(String::trim)
                .filter(token -> !token.isEmpty()).toList();
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("no API token: set FAASFLOW_API_TOKEN (or faasflow.api-token) to the"
                    + " bearer token clients must send; ./faasflow up generates one");
        }
        for (String token : tokens) {
            if (token.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException("faasflow.api-token: a token of " + token.length()
                        + " characters is too easy to guess; use at least " + MIN_TOKEN_LENGTH);
            }
        }
        return tokens;
    }

    private static KafkaClientSecurity kafkaSecurity(Map<String, String> mapped) {
        Map<String, String> environment = System.getenv();
        Map<String, String> passThrough = new HashMap<>();
        mapped.forEach((name, value) -> {
            // The configuration also maps FAASFLOW_KAFKA_* variables here (the compose file's FAASFLOW_KAFKA_PORT
            // among them): those are read from the environment, by the rule for variables, not as properties.
            String variable = "FAASFLOW_KAFKA_" + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
            if (!environment.containsKey(variable)) {
                passThrough.put(KafkaClientSecurity.PREFIX + name, value);
            }
        });
        return KafkaClientSecurity.from(passThrough, environment);
    }

    /** Replicas of each topic the ingress creates ({@code faasflow.topic-replication-factor}). */
    public short topicReplicationFactor() {
        return topicReplicationFactor;
    }

    /** The schedulers' invocation time-out ({@code faasflow.invocation-timeout-seconds}). */
    public java.time.Duration invocationTimeout() {
        return invocationTimeout;
    }

    /** The bearer tokens the HTTP API accepts ({@code faasflow.api-token}); never empty. */
    public List<String> apiTokens() {
        return apiTokens;
    }

    /** The {@code faasflow.kafka.*} settings every Kafka client of the ingress takes. */
    public KafkaClientSecurity kafkaSecurity() {
        return kafkaSecurity;
    }

    /** What one invocation's input may be ({@code faasflow.limits.*}). */
    public InputLimits inputLimits() {
        return inputLimits;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public TopicLayout layout() {
        return layout;
    }

    public int nodes() {
        return layout.nodes();
    }

    public int scaleLimit() {
        return scaleLimit;
    }

    /** What a deploy without an {@code admission} parameter does when the workflow does not fit. */
    public io.faasflow.topology.partition.Admission admission() {
        return admission;
    }

    public int resultsCacheSize() {
        return resultsCacheSize;
    }

    /** The function catalog topic: {@code <prefix>function-catalog}. */
    public String functionCatalogTopic() {
        return layout.functionCatalog();
    }
}
