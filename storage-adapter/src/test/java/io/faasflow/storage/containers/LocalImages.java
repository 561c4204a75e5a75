package io.faasflow.storage.containers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The images compose/build-images.sh builds on a machine without a registry, and the setting that makes the tests
 * use them: {@code FAASFLOW_LOCAL_IMAGES=1} (or {@code -Dfaasflow.local-images=true}). Each image is built at most
 * once per test JVM, and the script itself skips an image whose inputs have not changed.
 */
public final class LocalImages {
    public static final String SETTING = "FAASFLOW_LOCAL_IMAGES";
    private static final Set<String> BUILT = new HashSet<>();

    private LocalImages() {
    }

    /** Whether the tests run the local stand-ins instead of the official images. */
    public static boolean enabled() {
        String value = System.getProperty("faasflow.local-images", System.getenv(SETTING));
        return value != null && Set.of("1", "true", "yes").contains(value.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Builds the images of {@code names} (jre, kafka, redis, couchdb, node-scheduler, ingress, functions) unless this
     * JVM built them already.
     *
     * @throws IllegalStateException when the script fails, with the end of its output
     */
    public static synchronized void build(String... names) {
        List<String> missing = java.util.Arrays.stream(names).filter(name -> !BUILT.contains(name)).toList();
        if (missing.isEmpty()) {
            return;
        }
        Path home = projectHome();
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("compose/build-images.sh").toString()));
        command.addAll(missing);
        try {
            System.err.print(CommandLine.run(command, Map.of("JAVA_HOME", System.getProperty("java.home")), Duration.ofMinutes(20)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + missing, e);
        }
        BUILT.addAll(missing);
    }

    /** The project's root: {@code faasflow.home}, else Maven's project directory, else the parent of the module. */
    public static Path projectHome() {
        String home = System.getProperty("faasflow.home", System.getProperty("maven.multiModuleProjectDirectory"));
        return (home != null ? Path.of(home) : Path.of("..")).toAbsolutePath().normalize();
    }
}
