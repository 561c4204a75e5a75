package io.faasflow.experiments.e2e;

import java.nio.charset.StandardCharsets;

/**
 * Counts the words in wordcount's book archive, independently of the functions' own code: the archive is books
 * one after another, each a header line {@code book <name> <length>} and that many bytes of text; a word is a
 * maximal run of letters.
 */
final class BookArchiveWords {
    private BookArchiveWords() {
    }

    static long count(byte[] archive) {
        long words = 0;
        int offset = 0;
        while (offset < archive.length) {
            int newline = offset;
            while (archive[newline] != '\n') {
                newline++;
            }
            String[] header = new String(archive, offset, newline - offset, StandardCharsets.US_ASCII).split(" ");
            if (header.length != 3 || !header[0].equals("book")) {
                throw new AssertionError("not a book header at byte " + offset + ": " + String.join(" ", header));
            }
            int length = Integer.parseInt(header[2]);
            words += words(new String(archive, newline + 1, length, StandardCharsets.UTF_8));
            offset = newline + 1 + length;
        }
        return words;
    }

    private static long words(String text) {
        long words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            boolean letter = Character.isLetter(codePoint);
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }
}
