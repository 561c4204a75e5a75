package io.faasflow.storage.containers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            // Read while it runs, so that the time-out below can fire while a build hangs.
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.toString();
                }
            });
            if (!process.waitFor(20, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took more than 20 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + tail(output.join()));
            }
            System.err.print(output.join());
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
        return home != null ? Path.of(home) : Path.of("..").toAbsolutePath().normalize();
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : "..." + output.substring(output.length() - 4000);
    }
}
