package io.faasflow.functions.wordcount;

import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;

/** Counts the words of a text: maximal runs of letters, lower-cased, so "The" and "the" are one word. */
final class WordCounter {
    private WordCounter() {
    }

    /** Occurrences of each word of a UTF-8 text, sorted by word. */
    static SortedMap<String, Long> count(byte[] utf8Text) {
        String text = new String(utf8Text, StandardCharsets.UTF_8);
        SortedMap<String, Long> counts = new TreeMap<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isLetter(codePoint)) {
                word.appendCodePoint(Character.toLowerCase(codePoint));
            } else if (!word.isEmpty()) {
                counts.merge(word.toString(), 1L, Long::sum);
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            counts.merge(word.toString(), 1L, Long::sum);
        }
        return counts;
    }
}
