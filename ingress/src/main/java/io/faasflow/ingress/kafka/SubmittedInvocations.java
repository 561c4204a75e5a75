package io.faasflow.ingress.kafka;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.faasflow.ingress.LruCache;
import io.faasflow.ingress.config.IngressSettings;
import io.faasflow.topology.wire.WireJson;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Every invocation of the last time-out window that has no result yet, as far as this ingress knows: those it
 * submitted, and those it reads on {@code workflow-invocations} (from other producers, or from before its own
 * restart), so that {@code GET /invocations/{id}} answers for them. At most {@code faasflow.results-cache-size}
 * kept, least recently used dropped. Thread-safe.
 */
@Singleton
public class SubmittedInvocations {
    private final LruCache<String, Submission> submissions;

    @Inject
    public SubmittedInvocations(IngressSettings settings) {
        this.submissions = new LruCache<>(settings.resultsCacheSize());
    }

    public void record(Submission submission) {
        submissions.put(submission.id(), submission);
    }

    /**
     * Applies one record of {@code workflow-invocations}. Reads only its id, workflow and submission time, skipping
     * the input; a record without an id (the node gives it one) or a workflow is nothing to answer for, and one that
     * is not JSON is the node schedulers' to refuse and dead-letter, not this reader's.
     */
    public void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        String id = null;
        String workflow = null;
        long submittedAt = 0;
        try (JsonParser parser = WireJson.mapper().getFactory().createParser(record.value())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> id = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "workflow" -> workflow = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "submittedAt" -> submittedAt = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : 0;
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            return;
        }
        if (id == null || id.isBlank() || workflow == null || submissions.get(id).isPresent()) {
            return;
        }
        record(new Submission(id, workflow, submittedAt > 0 ? submittedAt : record.timestamp(), record.partition()));
    }

    /** Its result arrived: nothing left to answer for. */
    public void forget(String id) {
        submissions.remove(id);
    }

    /** Every submission still waiting for its result. */
    public java.util.Collection<Submission> all() {
        return submissions.snapshot().values();
    }

    public Optional<Submission> find(String id) {
        return submissions.get(id);
    }
}
