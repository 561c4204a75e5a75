package io.faasflow.functions.recognizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordFilterTest {
    private final WordFilter filter = WordFilter.bundled();

    @Test
    void shouldCountEveryWholeWordMatchAndNameTheKeywordsInOrder() {
        WordFilter.Result result = filter.scan("Guns and a BOMB. They said: bomb, gun!\nNo more guns.");
        assertEquals(5, result.count());
        assertEquals(List.of("gun", "bomb"), List.copyOf(result.keywords()));
    }

    @Test
    void shouldAcceptCommonEndingsButNotLongerWords() {
        assertEquals(List.of("kill", "shoot", "bomb"),
                List.copyOf(filter.scan("killing, shooting and bombed").keywords()));
        WordFilter.Result none = filter.scan("skill, bombastic, gunnery, methods, snuggun, porno2");
        assertEquals(0, none.count(), none.keywords().toString());
        assertFalse(none.flagged());
    }

    @Test
    void shouldMatchAPhraseAcrossALineBreak() {
        WordFilter.Result result = filter.scan("a drug\n  DEAL near the river");
        assertEquals(1, result.count());
        assertEquals(List.of("drug deal"), List.copyOf(result.keywords()));
    }

    @Test
    void shouldUseTheGivenKeywords() {
        WordFilter custom = new WordFilter(List.of("river", "old market"));
        assertEquals(2, custom.scan(Caption.DEFAULT_TEXT).count());
        assertEquals(0, filter.scan(Caption.DEFAULT_TEXT).count(), "the default caption is clean");
    }
}
