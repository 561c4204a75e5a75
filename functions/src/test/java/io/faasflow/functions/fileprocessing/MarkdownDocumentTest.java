package io.faasflow.functions.fileprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MarkdownDocumentTest {
    private static long lineCount(byte[] document) {
        long lines = 0;
        for (byte b : document) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    @Test
    void shouldBeTheOriginalsSizeByDefault() {
        long started = System.nanoTime();
        byte[] document = MarkdownDocument.generate("sample.md", FileprocessingStart.DEFAULT_LINES);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200_000, lineCount(document));
        assertEquals(29_600_094, MarkdownDocument.targetBytes(200_000));
        double error = Math.abs(document.length - 29_600_094.0) / 29_600_094.0;
        assertTrue(error < 0.001, document.length + " bytes, " + error * 100 + "% off the original's 29600094");
        assertTrue(millis < 10_000, "generated in " + millis + " ms");
    }

    @Test
    void shouldKeepTheOriginalsBytesPerLineAtOtherSizes() {
        for (int lines : new int[] {1, 2, 17, 400, 5_000}) {
            byte[] document = MarkdownDocument.generate("t", lines);
            assertEquals(lines, lineCount(document), lines + " lines");
            if (lines >= 400) {
                double error = Math.abs(document.length - MarkdownDocument.targetBytes(lines))
                        / (double) MarkdownDocument.targetBytes(lines);
                assertTrue(error < 0.05, lines + " lines: " + document.length + " bytes");
            }
        }
    }

    @Test
    void shouldBeAPrefixOfALongerDocumentAndTheSameEveryTime() {
        byte[] small = MarkdownDocument.generate("sample.md", 1_000);
        assertArrayEquals(small, MarkdownDocument.generate("sample.md", 1_000));
        String larger = new String(MarkdownDocument.generate("sample.md", 2_000), StandardCharsets.UTF_8);
        String[] smallLines = new String(small, StandardCharsets.UTF_8).split("\n");
        String[] largerLines = larger.split("\n");
        // paragraphs are budgeted per section, so every complete section is the same in both
        int complete = 2 + (1_000 - 2) / MarkdownDocument.SECTION_LINES * MarkdownDocument.SECTION_LINES;
        assertArrayEquals(Arrays.copyOf(smallLines, complete), Arrays.copyOf(largerLines, complete));
    }

    @Test
    void shouldRefuseNoLinesAndAMultiLineTitle() {
        assertThrows(IllegalArgumentException.class, () -> MarkdownDocument.generate("t", 0));
        assertThrows(IllegalArgumentException.class, () -> MarkdownDocument.generate("a\nb", 10));
    }
}
