package io.faasflow.topology.layout;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The connection settings every faasflow Kafka client takes by pass-through: {@code faasflow.kafka.<name>=<value>}
 * (or the variable {@code FAASFLOW_KAFKA_<NAME>}, dots written as underscores) becomes the client property
 * {@code <name>}. Only how a client connects may be set this way: {@code security.protocol}, {@code sasl.*} and
 * {@code ssl.*}; the rest of each client's configuration is the engine's (its linger, acks and commits are part
 * of the trigger path's latency and of its semantics), so any other {@code faasflow.kafka.*} key is refused,
 * naming the key. Other {@code FAASFLOW_KAFKA_*} variables are left alone: the compose file has its own.
 * Immutable.
 */
public final class KafkaClientSecurity {
    /** The prefix of pass-through properties. */
    public static final String PREFIX = "faasflow.kafka.";
    private static final String ENV_PREFIX = "FAASFLOW_KAFKA_";
    private static final KafkaClientSecurity NONE = new KafkaClientSecurity(Map.of());

    private final Map<String, String> properties;

    private KafkaClientSecurity(Map<String, String> properties) {
        this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** No settings: plaintext without authentication, Kafka's default. */
    public static KafkaClientSecurity none() {
        return NONE;
    }

    /**
     * Collects the pass-through settings among {@code properties} (keys {@code faasflow.kafka.*}) and
     * {@code environment} (variables {@code FAASFLOW_KAFKA_*}); a property wins over a variable of the same
     * name. Throws {@link IllegalArgumentException} naming a key that is not a connection setting or has no value.
     */
    public static KafkaClientSecurity from(Map<String, String> properties, Map<String, String> environment) {
        Map<String, String> collected = new TreeMap<>();
        environment.forEach((variable, value) -> {
            if (variable.startsWith(ENV_PREFIX) && variable.length() > ENV_PREFIX.length()) {
                String name = variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                // Other FAASFLOW_KAFKA_* variables are the compose file's (FAASFLOW_KAFKA_PORT, ...), not a client's.
                if (isConnectionSetting(name)) {
                    collected.put(checked(name, value, variable), value);
                }
            }
        });
        properties.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                collected.put(checked(key.substring(PREFIX.length()), value, key), value);
            }
        });
        return collected.isEmpty() ? NONE : new KafkaClientSecurity(collected);
    }

    private static boolean isConnectionSetting(String name) {
        return name.equals("security.protocol") || name.startsWith("sasl.") || name.startsWith("ssl.");
    }

    private static String checked(String name, String value, String origin) {
        if (!isConnectionSetting(name)) {
            throw new IllegalArgumentException(origin + ": only Kafka connection settings pass through (" + PREFIX
                    + "security.protocol, " + PREFIX + "sasl.*, " + PREFIX + "ssl.*); '" + name
                    + "' is part of the engine's own client configuration");
        }
        // Empty is how Kafka turns host name verification off; any other setting needs a value.
        boolean emptyAllowed = name.equals("ssl.endpoint.identification.algorithm");
        if (value == null || (value.isBlank() && !emptyAllowed)) {
            throw new IllegalArgumentException(origin + " has no value");
        }
        return name;
    }

    /** The client properties, by Kafka name, e.g. {@code sasl.mechanism -> PLAIN}. */
    public Map<String, String> properties() {
        return properties;
    }

    /**
     * The same settings as {@code FAASFLOW_KAFKA_*} variables, for a child process: unlike a {@code -D} argument, a
     * variable does not show its password to everyone who lists the processes.
     */
    public Map<String, String> asEnvironment() {
        Map<String, String> variables = new TreeMap<>();
        properties.forEach((name, value) -> variables.put(ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return variables;
    }

    /** Names only: values hold passwords and must never be logged. */
    @Override
    public String toString() {
        return properties.isEmpty() ? "PLAINTEXT" : "Kafka client settings " + properties.keySet();
    }
}
