package io.faasflow.experiments.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.faasflow.experiments.cluster.CapCheck.CapMeasurement;
import io.faasflow.storage.local.CouchDbStandIn;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ShapedStoreNetworkIT {
    private static final int TRANSFER_BYTES = 8_000_000;
    private static final double TOLERANCE = 0.15;

    @Test
    void shouldCapStoreTrafficOnTheWireInBothDirectionsAndRemoveNamespaceWhenClosed(@TempDir Path workDir)
            throws Exception {
        Optional<String> missing = ShapedStoreNetwork.missingPrerequisite();
        assumeTrue(missing.isEmpty(), () -> "skipped: " + missing.orElseThrow());

        ShapedStoreNetwork network = ShapedStoreNetwork.create("it");
        String namespace = network.namespace();
        String ip = network.commandPrefix().getFirst();
        try (network) {
            assertTrue(listed(ip, namespace), "namespace " + namespace + " listed");
            try (CouchDbStandIn couch = CouchDbStandIn.start(projectHome(), workDir, network.commandPrefix(),
                    network.storeHost())) {
                assertEquals(network.storeHost(), URI.create(couch.url()).getHost());
                assertFalse(run(ip, "netns", "pids", namespace).isBlank(), "the store runs inside " + namespace);

                network.cap(2_000_000);
                assertNear(2_000_000, measure(couch, "capped at 2 MB/s"));
                network.cap(8_000_000);
                assertNear(8_000_000, measure(couch, "capped at 8 MB/s"));
                network.uncap();
                network.uncap();
                CapMeasurement free = measure(couch, "uncapped");
                assertTrue(free.putBytesPerSecond() > 3 * 8_000_000, "uncapped PUT " + free);
                assertTrue(free.getBytesPerSecond() > 3 * 8_000_000, "uncapped GET " + free);
            }
            String left = run(ip, "netns", "pids", namespace);
            assertTrue(left.isBlank(), "processes left in " + namespace + ": " + left);
        }
        network.close();
        assertFalse(listed(ip, namespace), "namespace " + namespace + " still listed after close");
    }

    private static CapMeasurement measure(CouchDbStandIn couch, String label) {
        CapMeasurement measured = CapCheck.measure(couch.url(), TRANSFER_BYTES);
        System.out.printf("%s: PUT %.2f MB/s, GET %.2f MB/s%n", label, measured.putBytesPerSecond() / 1e6,
                measured.getBytesPerSecond() / 1e6);
        return measured;
    }

    private static void assertNear(double expected, CapMeasurement measured) {
        assertEquals(expected, measured.putBytesPerSecond(), expected * TOLERANCE, "PUT bytes/s " + measured);
        assertEquals(expected, measured.getBytesPerSecond(), expected * TOLERANCE, "GET bytes/s " + measured);
    }

    private static boolean listed(String ip, String namespace) throws IOException, InterruptedException {
        return run(ip, "netns", "list").lines().anyMatch(line -> line.split(" ")[0].equals(namespace));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), String.join(" ", command) + " exited");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
        return output;
    }

    private static Path projectHome() {
        String home = System.getProperty("faasflow.home", System.getProperty("maven.multiModuleProjectDirectory"));
        return home != null ? Path.of(home).toAbsolutePath() : Path.of("..").toAbsolutePath().normalize();
    }
}
