package io.faasflow.functions.wordcount;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * Several named books in one blob (the {@code file} output of wordcount's {@code start}). Each book is an
 * ASCII header line {@code book <name> <length>\n}, where the name has no whitespace and the length is the
 * text's byte count in decimal, followed by exactly that many bytes of text. Books follow each other directly.
 */
final class BookArchive {
    private static final String MAGIC = "book";

    private BookArchive() {
    }

    /** The archive of {@code books} (name to text), in map order. */
    static byte[] write(SequencedMap<String, byte[]> books) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                books.values().stream().mapToInt(text -> text.length + 64).sum());
        books.forEach((name, text) -> {
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a book name must be non-empty without whitespace: '" + name + "'");
            }
            out.writeBytes((MAGIC + " " + name + " " + text.length + "\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(text);
        });
        return out.toByteArray();
    }

    /**
     * The text of book {@code name}, or empty when the archive holds no such book.
     *
     * @throws IllegalArgumentException when the archive is malformed
     */
    static Optional<byte[]> find(byte[] archive, String name) {
        for (int offset = 0; offset < archive.length; ) {
            Entry entry = Entry.at(archive, offset);
            if (entry.name.equals(name)) {
                return Optional.of(Arrays.copyOfRange(archive, entry.textStart, entry.textEnd()));
            }
            offset = entry.textEnd();
        }
        return Optional.empty();
    }

    /** Every book, name to text, in archive order. */
    static SequencedMap<String, byte[]> readAll(byte[] archive) {
        SequencedMap<String, byte[]> books = new LinkedHashMap<>();
        for (int offset = 0; offset < archive.length; ) {
            Entry entry = Entry.at(archive, offset);
            books.put(entry.name, Arrays.copyOfRange(archive, entry.textStart, entry.textEnd()));
            offset = entry.textEnd();
        }
        return books;
    }

    /** One parsed header: the book's name and where its text lies. */
    private record Entry(String name, int textStart, int textLength) {
        int textEnd() {
            return textStart + textLength;
        }

        static Entry at(byte[] archive, int offset) {
            int newline = offset;
            while (newline < archive.length && archive[newline] != '\n') {
                newline++;
            }
            String header = new String(archive, offset, newline - offset, StandardCharsets.US_ASCII);
            String[] parts = header.split(" ");
            if (newline == archive.length || parts.length != 3 || !parts[0].equals(MAGIC)) {
                throw new IllegalArgumentException("malformed book archive at byte " + offset + ": expected a header"
                        + " 'book <name> <length>' but found '" + abbreviate(header) + "'");
            }
            int length;
            try {
                length = Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
                length = -1;
            }
            int textStart = newline + 1;
            if (length < 0 || length > archive.length - textStart) {
                throw new IllegalArgumentException("malformed book archive at byte " + offset + ": book " + parts[1]
                        + " claims length '" + parts[2] + "' but " + (archive.length - textStart) + " bytes remain");
            }
            return new Entry(parts[1], textStart, length);
        }

        private static String abbreviate(String text) {
            return text.length() <= 60 ? text : text.substring(0, 60) + "...";
        }
    }
}
