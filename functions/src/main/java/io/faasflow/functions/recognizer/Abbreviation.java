package io.faasflow.functions.recognizer;

/** Shortens values quoted in error messages. */
final class Abbreviation {
    private static final int MAX_CHARS = 40;

    private Abbreviation() {
    }

    static String of(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "...";
    }
}
