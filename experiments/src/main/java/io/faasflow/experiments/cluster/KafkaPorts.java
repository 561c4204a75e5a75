package io.faasflow.experiments.cluster;

import io.faasflow.storage.local.FreePorts;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The ports of a broker that keeps its data: chosen free the first time and written beside the data
 * ({@code ports.properties}), then the same at every start, as the controller's address is part of the log.
 */
record KafkaPorts(int port, int controllerPort) {

    static KafkaPorts of(Path kafkaDir) {
        Path file = kafkaDir.resolve("ports.properties");
        Properties properties = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    properties.load(in);
                }
                return new KafkaPorts(Integer.parseInt(properties.getProperty("port")),
                        Integer.parseInt(properties.getProperty("controller.port")));
            }
            KafkaPorts chosen = new KafkaPorts(FreePorts.next(), FreePorts.next());
            Files.createDirectories(kafkaDir);
            properties.setProperty("port", Integer.toString(chosen.port()));
            properties.setProperty("controller.port", Integer.toString(chosen.controllerPort()));
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "ports of the faasflow broker whose data is in data/; delete the folder to start afresh");
            }
            return chosen;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read or write the broker's ports in " + file + " (" + e.getMessage()
                    + "); remove " + kafkaDir + " (or run with --clean) to start with an empty Kafka", e);
        }
    }
}
