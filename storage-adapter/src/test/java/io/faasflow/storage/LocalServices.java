package io.faasflow.storage;

import io.faasflow.storage.containers.LocalImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths the integration tests need: the project home and a scratch folder for service logs. */
final class LocalServices {
    private LocalServices() {
    }

    static Path projectHome() {
        return LocalImages.projectHome();
    }

    static Path workDir(String name) {
        try {
            return Files.createTempDirectory("faasflow-" + name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
