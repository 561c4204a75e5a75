package io.faasflow.functions.wordcount;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Makes the deterministic "books" of the wordcount workload: {@code books} ASCII texts that together are
 * exactly {@link #TOTAL_BYTES} long (the original's 8 baked-in Project Gutenberg files), split as evenly as
 * possible. Book {@code i} is drawn from {@link Vocabulary} with a PRNG seeded by {@code i}, as sentences
 * with line breaks; the end is padded with spaces to the exact length.
 */
final class BookGenerator {
    /** Total text bytes of the original's 8 books. */
    static final long TOTAL_BYTES = 3_383_449;
    private static final long SEED = 0x600D_B00CL;

    private BookGenerator() {
    }

    /** The file name of book {@code book}, as listed in the {@code filename} output. */
    static String name(int book) {
        return "book-" + book + ".txt";
    }

    /** Length in bytes of book {@code book} of {@code books}. */
    static int length(int book, int books) {
        return (int) (TOTAL_BYTES / books + (book < TOTAL_BYTES % books ? 1 : 0));
    }

    /** The text of book {@code book} of {@code books}, as ASCII bytes. */
    static byte[] text(int book, int books) {
        int length = length(book, books);
        Random random = new Random(SEED + book);
        StringBuilder text = new StringBuilder(length);
        while (true) {
            String sentence = sentence(random);
            if (text.length() + sentence.length() > length) {
                break;
            }
            text.append(sentence);
        }
        text.append(" ".repeat(length - text.length()));
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** One sentence of 4 to 20 words, capitalised, ending in a full stop and a space or (one time in six) a line break. */
    private static String sentence(Random random) {
        int words = 4 + random.nextInt(17);
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = Vocabulary.draw(random);
            if (i == 0) {
                sentence.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                sentence.append(' ').append(word);
            }
        }
        return sentence.append('.').append(random.nextInt(6) == 0 ? '\n' : ' ').toString();
    }
}
