package io.faasflow.scheduler.kafka;

import io.faasflow.topology.layout.KafkaClientSecurity;
import java.util.Objects;

/**
 * Where a client connects and how it authenticates: the bootstrap servers and the {@code faasflow.kafka.*}
 * settings that pass through to every client.
 */
public record KafkaConnection(String bootstrapServers, KafkaClientSecurity security) {

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(security, "security");
    }

    /** A plaintext connection without authentication. */
    public static KafkaConnection plaintext(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, KafkaClientSecurity.none());
    }
}
