package io.faasflow.ingress.config;

import io.faasflow.topology.layout.TopicLayout;
import io.faasflow.topology.wire.InputLimits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Validated view of {@link IngressConfig}: checks ranges once and derives the {@link TopicLayout}.
 * Thread-safe (immutable after construction).
 */
@Singleton
public class IngressSettings {
    /** Name of the compacted topic on which node schedulers publish the function sources they implement. */

    private final String bootstrapServers;
    private final TopicLayout layout;
    private final int resultsCacheSize;
    private final int scaleLimit;
    private final InputLimits inputLimits;

    /** Validates the configuration; throws {@link IllegalArgumentException} naming the key and value at fault. */
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
        this.bootstrapServers = config.bootstrapServers();
        this.layout = new TopicLayout(config.topicPrefix().orElse(""), config.nodes());
        this.resultsCacheSize = config.resultsCacheSize();
        if (config.scaleLimit() < 1) {
            throw new IllegalArgumentException("faasflow.scale-limit must be at least 1; got " + config.scaleLimit());
        }
        this.scaleLimit = config.scaleLimit();
        try {
            this.inputLimits = new InputLimits(config.limits().inputBytes(), config.limits().inputDepth(),
                    config.limits().inputFields(), config.limits().inputNameLength());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("faasflow.limits.*: " + e.getMessage(), e);
        }
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

    public int resultsCacheSize() {
        return resultsCacheSize;
    }

    /** The function catalog topic: {@code <prefix>function-catalog}. */
    public String functionCatalogTopic() {
        return layout.functionCatalog();
    }
}
