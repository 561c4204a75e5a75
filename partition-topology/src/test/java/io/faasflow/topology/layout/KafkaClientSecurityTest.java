package io.faasflow.topology.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientSecurityTest {

    @Test
    void passesConnectionSettingsThroughByTheirKafkaNames() {
        KafkaClientSecurity security = KafkaClientSecurity.from(Map.of(
                "faasflow.kafka.security.protocol", "SASL_SSL",
                "faasflow.kafka.sasl.mechanism", "PLAIN",
                "faasflow.kafka.ssl.truststore.location", "/etc/kafka/trust.p12",
                "faasflow.nodes", "3"), Map.of());

        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                "ssl.truststore.location", "/etc/kafka/trust.p12"), security.properties());
    }

    @Test
    void readsVariablesWithUnderscoresForDotsAndLetsAPropertyWin() {
        KafkaClientSecurity security = KafkaClientSecurity.from(Map.of("faasflow.kafka.sasl.mechanism", "SCRAM-SHA-512"),
                Map.of("FAASFLOW_KAFKA_SASL_JAAS_CONFIG", "module required;", "FAASFLOW_KAFKA_SASL_MECHANISM", "PLAIN",
                        "FAASFLOW_API_TOKEN", "not kafka", "PATH", "/bin"));

        assertEquals(Map.of("sasl.jaas.config", "module required;", "sasl.mechanism", "SCRAM-SHA-512"),
                security.properties());
    }

    @Test
    void refusesSettingsThatAreNotAboutTheConnectionNamingTheKey() {
        IllegalArgumentException linger = assertThrows(IllegalArgumentException.class,
                () -> KafkaClientSecurity.from(Map.of("faasflow.kafka.linger.ms", "5"), Map.of()));
        assertTrue(linger.getMessage().startsWith("faasflow.kafka.linger.ms: only Kafka connection settings"),
                linger.getMessage());

        IllegalArgumentException bootstrap = assertThrows(IllegalArgumentException.class,
                () -> KafkaClientSecurity.from(Map.of("faasflow.kafka.bootstrap.servers", "x:1"), Map.of()));
        assertTrue(bootstrap.getMessage().startsWith("faasflow.kafka.bootstrap.servers:"), bootstrap.getMessage());

        IllegalArgumentException variable = assertThrows(IllegalArgumentException.class,
                () -> KafkaClientSecurity.from(Map.of(), Map.of("FAASFLOW_KAFKA_SASL_MECHANISM", "")));
        assertEquals("FAASFLOW_KAFKA_SASL_MECHANISM has no value", variable.getMessage());

        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> KafkaClientSecurity.from(Map.of("faasflow.kafka.sasl.mechanism", " "), Map.of()));
        assertEquals("faasflow.kafka.sasl.mechanism has no value", empty.getMessage());
    }

    @Test
    void leavesTheComposeFilesOwnVariablesAlone() {
        KafkaClientSecurity security = KafkaClientSecurity.from(Map.of(), Map.of("FAASFLOW_KAFKA_PORT", "9092",
                "FAASFLOW_KAFKA_IMAGE", "apache/kafka:4.1.0", "FAASFLOW_KAFKA_SECURITY_PROTOCOL", "SSL"));

        assertEquals(Map.of("security.protocol", "SSL"), security.properties());
    }

    @Test
    void neverShowsValuesWhenPrinted() {
        KafkaClientSecurity security = KafkaClientSecurity.from(Map.of("faasflow.kafka.sasl.jaas.config",
                "PlainLoginModule required username=\"u\" password=\"secret\";"), Map.of());

        assertFalse(security.toString().contains("secret"), security.toString());
        assertEquals(Map.of("FAASFLOW_KAFKA_SASL_JAAS_CONFIG", "PlainLoginModule required username=\"u\" password=\"secret\";"),
                security.asEnvironment());
        assertEquals(security.properties(), KafkaClientSecurity.from(Map.of(), security.asEnvironment()).properties());
        assertEquals("PLAINTEXT", KafkaClientSecurity.none().toString());
    }
}
