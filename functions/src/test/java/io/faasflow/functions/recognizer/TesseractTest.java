package io.faasflow.functions.recognizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Finding the binary; running it is covered by {@link RecognizerWorkflowTest}. */
class TesseractTest {
    @Test
    void shouldNameThePackagesWhenTheConfiguredBinaryIsMissing() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Tesseract.locate(Optional.of("/nonexistent/tesseract"), Map.of()));
        assertTrue(error.getMessage().contains("'/nonexistent/tesseract'")
                && error.getMessage().contains("tesseract-ocr and tesseract-ocr-eng"), error.getMessage());
        IllegalStateException fromEnv = assertThrows(IllegalStateException.class,
                () -> Tesseract.locate(Optional.empty(), Map.of(Tesseract.ENV, "/etc")));
        assertTrue(fromEnv.getMessage().contains("is not an executable file"), fromEnv.getMessage());
    }

    @Test
    void shouldPreferTheSystemPropertyToTheEnvironment() {
        Tesseract located = Tesseract.locate(Optional.of("/bin/sh"), Map.of(Tesseract.ENV, "/nonexistent"));
        assertEquals(Path.of("/bin/sh"), located.binary());
    }

    @Test
    void shouldReportTesseractsOwnErrorForABrokenImage() {
        byte[] truncated = Arrays.copyOf(ImageCodec.encode(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB),
                ImageCodec.JPEG), 200);
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Tesseract.locate().recognize(truncated));
        assertTrue(error.getMessage().contains("failed with exit code 1") && error.getMessage().contains("JPEG"),
                error.getMessage());
    }

    @Test
    void shouldFindTheInstalledBinaryByDefault() {
        // Fails, with the install hint, where tesseract is not installed: the OCR tests need it.
        Tesseract located = Tesseract.locate();
        assertTrue(located.binary().endsWith("tesseract"), located.binary().toString());
    }
}
