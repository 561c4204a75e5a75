package io.faasflow.ingress.kafka;

import io.faasflow.ingress.config.IngressSettings;
import io.faasflow.topology.layout.KafkaClientSecurity;
import io.faasflow.topology.wire.RecordLimits;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Owns the Kafka clients of the ingress: one admin client and one producer shared by all requests (both are
 * thread-safe), and a factory for the consumers of the background tailers. Closes them at shutdown.
 */
@Singleton
public class KafkaClients {
    private final String bootstrapServers;
    private final KafkaClientSecurity security;
    private final Admin admin;
    private final Producer<String, byte[]> producer;

    @Inject
    public KafkaClients(IngressSettings settings) {
        this.bootstrapServers = settings.bootstrapServers();
        this.security = settings.kafkaSecurity();
        this.admin = Admin.create(adminProperties());
        this.producer = new KafkaProducer<>(producerProperties());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Admin admin() {
        return admin;
    }

    public Producer<String, byte[]> producer() {
        return producer;
    }

    /** A new consumer without group: callers assign partitions themselves and own (and close) it. */
    public KafkaConsumer<String, byte[]> newConsumer(String clientId) {
        Properties props = connected();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Results and catalog updates should reach clients quickly; an idle fetch waits at most this long.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    /** The bootstrap servers and the {@code faasflow.kafka.*} security settings; the caller adds the rest. */
    private Properties connected() {
        Properties props = new Properties();
        props.putAll(security.properties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    private Properties adminProperties() {
        Properties props = connected();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "faasflow-ingress-admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return props;
    }

    private Properties producerProperties() {
        Properties props = connected();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "faasflow-ingress-producer");
        // On the trigger path: the Kafka 4 default of 5 ms would be added to every invocation's latency.
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Fail a request within seconds when Kafka is gone, instead of the 60 s / 120 s defaults.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(RecordLimits.MAX_REQUEST_BYTES));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }
}
