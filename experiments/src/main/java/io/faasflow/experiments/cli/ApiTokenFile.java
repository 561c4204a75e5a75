package io.faasflow.experiments.cli;

import io.faasflow.experiments.cluster.ApiTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where the CLI keeps the ingress's bearer token: {@code FAASFLOW_API_TOKEN} when set, else
 * {@code .faasflow/api-token}, which {@code ./faasflow up} writes (readable by its owner only).
 */
final class ApiTokenFile {
    static final String VARIABLE = "FAASFLOW_API_TOKEN";

    private ApiTokenFile() {
    }

    static Path of(Path home) {
        return home.resolve(".faasflow/api-token");
    }

    /** The token {@code up} serves with: the variable's, else a new one. */
    static String forUp(Map<String, String> environment) {
        String given = environment.get(VARIABLE);
        if (given == null || given.isBlank()) {
            return ApiTokens.generate();
        }
        if (given.trim().length() < 16) {
            throw new IllegalArgumentException(VARIABLE + " has " + given.trim().length()
                    + " characters; a token needs at least 16 (unset it and up generates one)");
        }
        return given.trim();
    }

    /** Writes {@code token} to {@link #of}, replacing the file at once so no reader sees half of it. */
    static Path write(Path home, String token) {
        Path file = of(home);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "api-token", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the API token to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The token a command that talks to a running ingress sends; names both places when neither has one. */
    static String read(Path home, Map<String, String> environment) {
        String given = environment.get(VARIABLE);
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        Path file = of(home);
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!token.isEmpty()) {
                return token;
            }
        } catch (IOException e) {
            // Named below with the other place to look.
        }
        throw new IllegalArgumentException("no API token: set " + VARIABLE + " or start the cluster with ./faasflow up,"
                + " which writes it to " + file);
    }
}
