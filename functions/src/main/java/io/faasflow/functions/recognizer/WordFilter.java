package io.faasflow.functions.recognizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * Finds censored keywords in text with an {@link AhoCorasick} automaton, as whole words: case is ignored,
 * whitespace runs count as one space (so a phrase may span an OCR line break), and a match counts only when no
 * letter or digit comes right before it and what follows is a non-letter, non-digit or the end, optionally
 * after one English ending of {@link #ENDINGS} ("bombs" and "killing" count; "skill" and "bombastic" do not).
 */
final class WordFilter {
    /** The keywords of the bundled filter: violence, weapons, hard drugs and sexual content, in English. */
    static final List<String> KEYWORDS = List.of(
            "kill", "murder", "massacre", "behead", "stab", "shoot", "gore",
            "bomb", "explosive", "grenade", "gun", "rifle", "terrorist",
            "cocaine", "heroin", "meth", "drug deal",
            "porn", "nude", "naked");
    static final List<String> ENDINGS = List.of("s", "es", "ed", "ing");

    private final AhoCorasick automaton;

    WordFilter(List<String> keywords) {
        this.automaton = new AhoCorasick(keywords);
    }

    static WordFilter bundled() {
        return new WordFilter(KEYWORDS);
    }

    /** The whole-word matches in {@code text}: how many, and which keywords, in order of first match. */
    record Result(int count, SequencedSet<String> keywords) {
        boolean flagged() {
            return count > 0;
        }
    }

    Result scan(String text) {
        String normalized = text.replaceAll("\\s+", " ");
        List<AhoCorasick.Match> whole = new ArrayList<>();
        for (AhoCorasick.Match match : automaton.findAll(normalized)) {
            if (startsWord(normalized, match.start()) && endsWord(normalized, match.end())) {
                whole.add(match);
            }
        }
        SequencedSet<String> keywords = new LinkedHashSet<>();
        whole.stream().sorted((a, b) -> Integer.compare(a.start(), b.start())).forEach(m -> keywords.add(m.pattern()));
        return new Result(whole.size(), keywords);
    }

    private static boolean startsWord(String text, int start) {
        return start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
    }

    private static boolean endsWord(String text, int end) {
        if (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))) {
            return true;
        }
        for (String ending : ENDINGS) {
            int after = end + ending.length();
            if (text.regionMatches(true, end, ending, 0, ending.length())
                    && (after == text.length() || !Character.isLetterOrDigit(text.charAt(after)))) {
                return true;
            }
        }
        return false;
    }
}
