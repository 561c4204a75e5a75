package io.faasflow.functions.recognizer;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The Tesseract OCR command line, run as a subprocess: {@code tesseract stdin stdout -l eng}, the image on its
 * standard input and the text on its standard output. The binary is the one system property
 * {@value #PROPERTY} names, else environment variable {@value #ENV}, else {@code /usr/bin/tesseract} (Debian's
 * {@code tesseract-ocr}), else the first {@code tesseract} on the {@code PATH}.
 */
final class Tesseract {
    static final String PROPERTY = "faasflow.tesseract";
    static final String ENV = "FAASFLOW_TESSERACT";
    static final Path DEBIAN_BINARY = Path.of("/usr/bin/tesseract");
    static final String INSTALL_HINT = "install Debian's packages tesseract-ocr and tesseract-ocr-eng"
            + " (apt-get install tesseract-ocr tesseract-ocr-eng), or name the binary with -D" + PROPERTY + "=PATH or "
            + ENV + "=PATH";
    private static final long TIMEOUT_SECONDS = 120;

    private final Path binary;

    private Tesseract(Path binary) {
        this.binary = binary;
    }

    /** The binary the JVM's system properties and environment choose. */
    static Tesseract locate() {
        return locate(Optional.ofNullable(System.getProperty(PROPERTY)), System.getenv());
    }

    /**
     * The binary {@code configured} names, else {@code env}'s {@value #ENV}, else the default locations.
     *
     * @throws IllegalStateException with {@link #INSTALL_HINT} when the configured path is not an executable
     *     file, or nothing is configured and no tesseract is installed
     */
    static Tesseract locate(Optional<String> configured, Map<String, String> env) {
        Optional<String> named = configured.filter(p -> !p.isBlank())
                .or(() -> Optional.ofNullable(env.get(ENV)).filter(p -> !p.isBlank()));
        if (named.isPresent()) {
            Path path = Path.of(named.get());
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new IllegalStateException("tesseract binary '" + path + "' (from " + PROPERTY + " or " + ENV
                        + ") is not an executable file; " + INSTALL_HINT);
            }
            return new Tesseract(path);
        }
        if (Files.isExecutable(DEBIAN_BINARY)) {
            return new Tesseract(DEBIAN_BINARY);
        }
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = dir.isEmpty() ? null : Path.of(dir, "tesseract");
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return new Tesseract(candidate);
            }
        }
        throw new IllegalStateException("tesseract is not installed (not at " + DEBIAN_BINARY + " nor on the PATH); "
                + INSTALL_HINT);
    }

    Path binary() {
        return binary;
    }

    /**
     * The English text in an image (any format Leptonica reads: JPEG, PNG, ...), as Tesseract prints it.
     *
     * @throws IllegalStateException when tesseract fails or takes longer than two minutes
     */
    String recognize(byte[] image) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(binary.toString(), "stdin", "stdout", "-l", "eng"));
        // One OCR thread: on a worker node other functions share the cores, and for a page this size
        // Tesseract's OpenMP threads add more overhead than they save.
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage() + "; " + INSTALL_HINT, e);
        }
        try {
            CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> write(process.getOutputStream(), image),
                    Thread::startVirtualThread);
            CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()),
                    Thread::startVirtualThread);
            CompletableFuture<byte[]> text = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                    Thread::startVirtualThread);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(binary + " took longer than " + TIMEOUT_SECONDS + " s");
            }
            String stderr = new String(errors.get(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(binary + " failed with exit code " + process.exitValue() + ": " + stderr
                        + (stderr.contains("traineddata") ? "; " + INSTALL_HINT : ""));
            }
            feed.get();
            return new String(text.get(), StandardCharsets.UTF_8);
        } catch (ExecutionException e) {
            throw new IllegalStateException("talking to " + binary + " failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            process.destroyForcibly();
        }
    }

    private static void write(OutputStream stdin, byte[] image) {
        try (stdin) {
            stdin.write(image);
        } catch (IOException e) {
            // tesseract stops reading when it rejects the image; its exit code and stderr say why.
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (stream; ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            stream.transferTo(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
