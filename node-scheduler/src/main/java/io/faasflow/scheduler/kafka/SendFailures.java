package io.faasflow.scheduler.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Remembers the first record Kafka refused. {@code producer.flush()} does not throw for failed records, so
 * without this a lost trigger or report would go unnoticed and its offset be committed; with it, the node
 * refuses to commit and stops, and the records are processed again after the restart.
 */
public final class SendFailures implements Callback {
    private final AtomicReference<Exception> first = new AtomicReference<>();

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null) {
            first.compareAndSet(null, exception);
        }
    }

    /**
     * A callback that records a failure here, as this one does, and completes {@code acknowledged} with the
     * outcome: for a send whose acknowledgement something waits for.
     */
    public Callback completing(CompletableFuture<Void> acknowledged) {
        return (metadata, error) -> {
            onCompletion(metadata, error);
            if (error == null) {
                acknowledged.complete(null);
            } else {
                acknowledged.completeExceptionally(error);
            }
        };
    }

    /** @throws IllegalStateException naming the first failure, if any record failed */
    public void throwIfAny() {
        Exception failure = first.get();
        if (failure != null) {
            throw new IllegalStateException("Kafka refused a record this node produced: " + failure, failure);
        }
    }
}
