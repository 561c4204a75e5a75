package io.faasflow.functions.fileprocessing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes the deterministic Markdown document of the fileprocessing workload, in place of the original's baked-in
 * {@code sample.md} ({@value #ORIGINAL_LINES} lines, {@value #ORIGINAL_BYTES} bytes). The document is a level-1
 * title line and a blank line, then sections of {@value #SECTION_LINES} lines, cut at the requested number of
 * lines: a heading (level 1 for every tenth section, else level 2), a two-line paragraph, a three-item list, a
 * second two-line paragraph, a fenced code block and a block quote, separated by blank lines. Section {@code s}
 * draws its words from a PRNG seeded by {@code s} ({@link Prose}), so the same title and line count always give
 * the same bytes.
 *
 * <p>Size: the paragraphs of each section are filled so that the document stays at the original's bytes per
 * line, and {@code n} lines come to {@link #targetBytes(int) n x 29600094 / 200000} bytes within about one
 * sentence (under 0.1% at the default size). All text is ASCII, apart from what the title brings.
 */
final class MarkdownDocument {
    static final int ORIGINAL_LINES = 200_000;
    static final long ORIGINAL_BYTES = 29_600_094;
    static final int SECTION_LINES = 18;
    private static final int PARAGRAPH_LINES = 4;
    private static final long SEED = 0x5A4D_0C5EL;

    private MarkdownDocument() {
    }

    /** The size the document of {@code lines} lines aims at: the original's bytes per line. */
    static long targetBytes(int lines) {
        return lines * ORIGINAL_BYTES / ORIGINAL_LINES;
    }

    /**
     * The document of exactly {@code lines} lines ({@code \n}-terminated) under heading {@code title}.
     *
     * @throws IllegalArgumentException when {@code lines} is below 1 or the title is blank or holds a line break
     */
    static byte[] generate(String title, int lines) {
        if (lines < 1) {
            throw new IllegalArgumentException("a document has at least 1 line; asked for " + lines);
        }
        if (title.isBlank() || title.contains("\n") || title.contains("\r")) {
            throw new IllegalArgumentException("a document title must be one non-blank line");
        }
        StringBuilder document = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, targetBytes(lines) + 4096));
        int written = 0;
        for (String line : List.of("# " + title, "")) {
            if (written < lines) {
                document.append(line).append('\n');
                written++;
            }
        }
        for (int section = 0; written < lines; section++) {
            long sectionEnd = targetBytes(written + SECTION_LINES);
            for (String line : section(section, sectionEnd - document.length())) {
                if (written == lines) {
                    break;
                }
                document.append(line).append('\n');
                written++;
            }
        }
        return document.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The lines of section {@code section}, paragraphs filled so that lines and newlines make about {@code bytes}. */
    private static List<String> section(int section, long bytes) {
        Random random = new Random(SEED + section);
        String heading = section % 10 == 0
                ? "# Part " + (section / 10 + 1) + ": " + Prose.title(random)
                : "## " + (section + 1) + ". " + Prose.title(random);
        List<String> items = List.of("- " + Prose.sentence(random), "- " + Prose.sentence(random),
                "- " + Prose.sentence(random));
        String code = Prose.codeLine(random, section);
        String quote = "> " + Prose.sentence(random);

        long fixed = SECTION_LINES + heading.length() + code.length() + "```js".length() + "```".length()
                + quote.length() + items.stream().mapToLong(String::length).sum();
        long paragraphBytes = Math.max(0, bytes - fixed);
        List<String> paragraph = new ArrayList<>(PARAGRAPH_LINES);
        for (int i = 0; i < PARAGRAPH_LINES; i++) {
            long share = paragraphBytes / PARAGRAPH_LINES + (i < paragraphBytes % PARAGRAPH_LINES ? 1 : 0);
            paragraph.add(paragraphLine(random, share));
        }

        List<String> lines = new ArrayList<>(SECTION_LINES);
        lines.add(heading);
        lines.add("");
        lines.add(paragraph.get(0));
        lines.add(paragraph.get(1));
        lines.add("");
        lines.addAll(items);
        lines.add("");
        lines.add(paragraph.get(2));
        lines.add(paragraph.get(3));
        lines.add("");
        lines.add("```js");
        lines.add(code);
        lines.add("```");
        lines.add("");
        lines.add(quote);
        lines.add("");
        return lines;
    }

    /** Sentences joined by spaces, at least one, stopping where the length is nearest to {@code bytes}. */
    private static String paragraphLine(Random random, long bytes) {
        StringBuilder line = new StringBuilder(Prose.sentence(random));
        while (true) {
            String next = Prose.sentence(random);
            // Taking the next sentence only when that lands nearer the budget keeps the error within half a sentence.
            if (line.length() + 1 + next.length() / 2 > bytes) {
                return line.toString();
            }
            line.append(' ').append(next);
        }
    }
}
