package io.faasflow.ingress;

import io.faasflow.ingress.config.IngressSettings;
import io.faasflow.ingress.kafka.RecordPublisher;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Asks the node schedulers to stop an invocation: writes one {@link CancelEvent} keyed by the invocation id to
 * every node's partition of {@code function-events}. The ingress does not know which node currently runs the
 * invocation, so every node hears it and all but the owner ignore it. Sending it again is harmless.
 */
@Singleton
public class InvocationCanceller {
    private final IngressSettings settings;
    private final RecordPublisher publisher;

    @Inject
    public InvocationCanceller(IngressSettings settings, RecordPublisher publisher) {
        this.settings = settings;
        this.publisher = publisher;
    }

    /**
     * Returns once Kafka acknowledged the cancel record on every partition.
     *
     * @throws UnavailableException when Kafka did not take all of them; retrying is safe
     */
    public void requestCancel(String id) {
        List<Integer> partitions = IntStream.range(0, settings.nodes())
                .mapToObj(node -> settings.layout().partitionOf(node))
                .toList();
        publisher.publishToEach(settings.layout().functionEvents(), partitions, id, CancelEvent.of(id));
    }
}
