package io.faasflow.functions.recognizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The text {@code upload} renders under the scene, wrapped to lines that fit the caption panel. The text is
 * printable ASCII (the OCR reads English), at most {@value #MAX_CHARS} characters, at most {@value #MAX_LINES}
 * lines of at most {@value #LINE_CHARS} characters once wrapped at spaces.
 */
record Caption(String text, List<String> lines) {
    static final String DEFAULT_TEXT = "Welcome to the city park. Families enjoy a sunny morning walk"
            + " near the river and the old market square.";
    static final int MAX_CHARS = 240;
    static final int LINE_CHARS = 40;
    static final int MAX_LINES = 6;

    Caption {
        lines = List.copyOf(lines);
    }

    /**
     * Wraps {@code text} (whitespace runs become single spaces).
     *
     * @throws IllegalArgumentException naming the function and field when the text does not fit or is not printable ASCII
     */
    static Caption of(String text, String function, String field) {
        String normalized = text.strip().replaceAll("\\s+", " ");
        String problem = null;
        if (normalized.isEmpty()) {
            problem = "must not be blank";
        } else if (normalized.length() > MAX_CHARS) {
            problem = "must be at most " + MAX_CHARS + " characters; got " + normalized.length();
        } else if (!normalized.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            problem = "must be printable ASCII (the OCR reads English)";
        }
        List<String> lines = problem == null ? wrap(normalized) : List.of();
        if (problem == null && lines.stream().anyMatch(line -> line.length() > LINE_CHARS)) {
            problem = "has a word longer than " + LINE_CHARS + " characters, which no line fits";
        } else if (problem == null && lines.size() > MAX_LINES) {
            problem = "wraps to " + lines.size() + " lines of at most " + LINE_CHARS + " characters; at most "
                    + MAX_LINES + " fit";
        }
        if (problem != null) {
            throw new IllegalArgumentException("function " + function + ": invocation input field '" + field + "' "
                    + problem + "; got '" + Abbreviation.of(text) + "'");
        }
        return new Caption(normalized, lines);
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > LINE_CHARS) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
