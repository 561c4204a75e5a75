package io.faasflow.functions.recognizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {
    private static List<String> found(AhoCorasick automaton, String text) {
        return automaton.findAll(text).stream().map(m -> m.pattern() + "@" + m.start() + "-" + m.end()).toList();
    }

    @Test
    void shouldFindOverlappingAndNestedPatternsInOnePass() {
        AhoCorasick automaton = new AhoCorasick(List.of("he", "she", "his", "hers"));
        assertEquals(List.of("she@1-4", "he@2-4", "hers@2-6"), found(automaton, "ushers"));
        assertEquals(List.of("his@1-4", "she@3-6", "he@4-6"), found(automaton, "ahishe"));
    }

    @Test
    void shouldFindEveryOccurrenceIncludingSelfOverlapping() {
        AhoCorasick automaton = new AhoCorasick(List.of("aa", "a"));
        assertEquals(List.of("a@0-1", "aa@0-2", "a@1-2", "aa@1-3", "a@2-3"), found(automaton, "aaa"));
    }

    @Test
    void shouldFollowFailureLinksAcrossAMismatch() {
        AhoCorasick automaton = new AhoCorasick(List.of("abcd", "bcx", "cd"));
        assertEquals(List.of("abcd@0-4", "cd@2-4", "bcx@5-8"), found(automaton, "abcdabcx"));
    }

    @Test
    void shouldIgnoreCaseAndReportPositionsInTheGivenText() {
        AhoCorasick automaton = new AhoCorasick(List.of("Bomb", "kill"));
        assertEquals(List.of("Bomb@2-6", "kill@10-14"), found(automaton, "A BOMB to KiLL"));
    }

    @Test
    void shouldFindNothingInUnrelatedOrEmptyText() {
        AhoCorasick automaton = new AhoCorasick(List.of("gun"));
        assertTrue(automaton.findAll("").isEmpty());
        assertTrue(automaton.findAll("a sunny morning").isEmpty());
        assertTrue(new AhoCorasick(List.of()).findAll("anything").isEmpty());
    }

    @Test
    void shouldRefuseEmptyAndRepeatedPatterns() {
        assertThrows(IllegalArgumentException.class, () -> new AhoCorasick(List.of("a", "")));
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
                () -> new AhoCorasick(List.of("gun", "GUN")));
        assertTrue(repeated.getMessage().contains("'GUN'"), repeated.getMessage());
    }
}
