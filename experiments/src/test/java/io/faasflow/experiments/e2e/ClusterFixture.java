package io.faasflow.experiments.e2e;

import io.faasflow.experiments.cluster.ClusterOptions;
import io.faasflow.experiments.cluster.LocalCluster;
import io.faasflow.experiments.cluster.SchedulingMode;
import io.faasflow.storage.containers.LocalImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starts a local cluster of real services for one test class. */
final class ClusterFixture {
    private ClusterFixture() {
    }

    static Path projectHome() {
        return LocalImages.projectHome();
    }

    static LocalCluster start(String name, int nodes, double runtimeScale, int scaleLimit) throws IOException {
        return start(name, nodes, runtimeScale, scaleLimit, SchedulingMode.WORKER);
    }

    static LocalCluster start(String name, int nodes, double runtimeScale, int scaleLimit, SchedulingMode scheduling)
            throws IOException {
        Path work = Files.createTempDirectory("faasflow-" + name);
        String prefix = name + "-" + Long.toHexString(System.nanoTime()) + ".";
        return LocalCluster.start(new ClusterOptions(nodes, 0, projectHome(), work, prefix, runtimeScale, 0.001, true,
                scaleLimit, scheduling));
    }

    static String resource(String path) {
        try (InputStream in = ClusterFixture.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
