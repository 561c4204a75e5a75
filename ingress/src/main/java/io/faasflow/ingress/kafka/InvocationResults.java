package io.faasflow.ingress.kafka;

import io.faasflow.ingress.LruCache;
import io.faasflow.ingress.config.IngressSettings;
import io.faasflow.topology.wire.InvocationResult;
import io.faasflow.topology.wire.WireJson;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The latest {@link InvocationResult} of recent invocations, read from every partition of the
 * {@code workflow-results} topic; at most {@code faasflow.results-cache-size} kept, least recently used dropped.
 */
@Singleton
public class InvocationResults {
    private final LruCache<String, InvocationResult> results;
    private final ObservedSizes sizes;
    private final SubmittedInvocations submitted;

    @Inject
    public InvocationResults(IngressSettings settings, ObservedSizes sizes, SubmittedInvocations submitted) {
        this.results = new LruCache<>(settings.resultsCacheSize());
        this.sizes = sizes;
        this.submitted = submitted;
    }

    /** Applies one results record, keyed by invocation id (the result's own id when unkeyed). */
    public void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        InvocationResult result;
        try {
            result = WireJson.read(record.value(), InvocationResult.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a result record: " + WireJson.describe(e), e);
        }
        if (result == null || result.workflow() == null || result.status() == null) {
            throw new IllegalArgumentException("a result record needs workflow and status");
        }
        String id = record.key() != null ? record.key() : result.id();
        if (id != null) {
            results.put(id, result);
            submitted.forget(id);
        }
        sizes.record(result);
    }

    /** Every result still remembered, by invocation id. */
    public java.util.Map<String, InvocationResult> snapshot() {
        return results.snapshot();
    }

    public Optional<InvocationResult> find(String id) {
        return results.get(id);
    }
}
