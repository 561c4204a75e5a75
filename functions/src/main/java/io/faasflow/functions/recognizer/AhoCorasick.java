package io.faasflow.functions.recognizer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Aho-Corasick multi-pattern matching (Aho and Corasick, CACM 18(6), 1975): a trie of the patterns with failure
 * links, so one pass over the text finds every occurrence of every pattern, overlapping ones included, in time
 * linear in the text plus the matches. Case-insensitive: patterns and text are compared after
 * {@link Character#toLowerCase(char)}, char by char, so match positions are positions in the given text.
 * Immutable and thread-safe once built.
 */
final class AhoCorasick {
    /** An occurrence of {@code pattern} (as given) at {@code text[start, end)}. */
    record Match(int start, int end, String pattern) {
    }

    private final List<String> patterns;
    /** Per state: its transitions by lower-cased character. */
    private final List<Map<Character, Integer>> next = new ArrayList<>();
    /** Per state: the state of its longest proper suffix that is a trie path. */
    private final List<Integer> failure = new ArrayList<>();
    /** Per state: index of the pattern ending exactly here, or -1. */
    private final List<Integer> patternEndingHere = new ArrayList<>();
    /** Per state: the nearest state on its failure chain where a pattern ends, or -1 (the "output link"). */
    private final List<Integer> outputLink = new ArrayList<>();

    /**
     * @throws IllegalArgumentException when a pattern is empty or two patterns are equal ignoring case
     */
    AhoCorasick(Collection<String> patterns) {
        this.patterns = List.copyOf(patterns);
        newState();
        for (int i = 0; i < this.patterns.size(); i++) {
            insert(this.patterns.get(i), i);
        }
        linkFailures();
    }

    /** Every occurrence of every pattern, ordered by end, and among equal ends longest first. */
    List<Match> findAll(CharSequence text) {
        List<Match> matches = new ArrayList<>();
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            state = step(state, Character.toLowerCase(text.charAt(i)));
            int found = patternEndingHere.get(state) >= 0 ? state : outputLink.get(state);
            while (found >= 0) {
                String pattern = patterns.get(patternEndingHere.get(found));
                matches.add(new Match(i + 1 - pattern.length(), i + 1, pattern));
                found = outputLink.get(found);
            }
        }
        return matches;
    }

    private int newState() {
        next.add(new HashMap<>());
        failure.add(0);
        patternEndingHere.add(-1);
        outputLink.add(-1);
        return next.size() - 1;
    }

    private void insert(String pattern, int index) {
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("pattern " + index + " is empty");
        }
        int state = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = Character.toLowerCase(pattern.charAt(i));
            Integer child = next.get(state).get(c);
            state = child != null ? child : addChild(state, c);
        }
        if (patternEndingHere.get(state) >= 0) {
            throw new IllegalArgumentException("pattern '" + pattern + "' repeats pattern '"
                    + patterns.get(patternEndingHere.get(state)) + "' (case is ignored)");
        }
        patternEndingHere.set(state, index);
    }

    private int addChild(int state, char c) {
        int child = newState();
        next.get(state).put(c, child);
        return child;
    }

    /**
     * Breadth first, so a state's failure target (a shorter path) is complete before the state is. The root's
     * children keep failure 0, the root.
     */
    private void linkFailures() {
        Queue<Integer> queue = new ArrayDeque<>(next.get(0).values());
        while (!queue.isEmpty()) {
            int state = queue.remove();
            for (Map.Entry<Character, Integer> edge : next.get(state).entrySet()) {
                int child = edge.getValue();
                int target = step(failure.get(state), edge.getKey());
                failure.set(child, target);
                outputLink.set(child, patternEndingHere.get(target) >= 0 ? target : outputLink.get(target));
                queue.add(child);
            }
        }
    }

    /** The state after reading {@code c} in {@code state}, following failure links where the trie has no edge. */
    private int step(int state, char c) {
        while (true) {
            Integer child = next.get(state).get(c);
            if (child != null) {
                return child;
            }
            if (state == 0) {
                return 0;
            }
            state = failure.get(state);
        }
    }
}
