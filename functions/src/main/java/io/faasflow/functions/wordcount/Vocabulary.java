package io.faasflow.functions.wordcount;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The fixed word list the generated books draw from: common English words first, then made-up words
 * built from a fixed syllable list, {@link #SIZE} in all. Words are drawn with Zipf's law (rank r with
 * weight 1/r), as in natural text, so a book has a few very frequent words and a long tail; that gives word
 * counts the size of real ones (tens to hundreds of kB of JSON) rather than a handful of entries.
 */
final class Vocabulary {
    static final int SIZE = 20_000;

    private static final String[] COMMON = {
        "the", "of", "and", "to", "a", "in", "that", "he", "was", "it", "his", "is", "with", "as", "i", "had",
        "for", "at", "by", "on", "not", "be", "from", "but", "you", "or", "her", "him", "which", "all", "have",
        "she", "they", "were", "this", "so", "my", "one", "said", "there", "an", "would", "their", "no", "been",
        "if", "when", "me", "we", "them", "what", "are", "who", "more", "into", "could", "up", "out", "then",
        "some", "do", "man", "time", "upon", "little", "now", "any", "very", "only", "about", "great", "old",
        "before", "well", "made", "than", "should", "over", "good", "down", "like", "came", "through", "long",
        "day", "house", "night", "hand", "eyes", "water", "ship", "sea", "river", "town", "door", "heart",
        "voice", "light", "road", "king", "mother", "father", "friend", "letter", "morning", "window", "garden",
        "horse", "word", "face", "head", "world", "life", "place", "thought", "knew", "found", "away", "again",
    };

    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "da", "fi", "go", "hu", "ja", "pe", "qui", "ro", "shi",
        "ta", "ul", "ven", "wor", "xa", "yo", "zen", "bar", "cel", "dor", "fen", "gal", "hin",
    };

    private static final List<String> WORDS = build();
    private static final double[] CUMULATIVE_WEIGHTS = cumulativeWeights();

    private Vocabulary() {
    }

    private static List<String> build() {
        Set<String> words = new LinkedHashSet<>(List.of(COMMON));
        for (String first : SYLLABLES) {
            for (String second : SYLLABLES) {
                words.add(first + second);
            }
        }
        outer:
        for (String first : SYLLABLES) {
            for (String second : SYLLABLES) {
                for (String third : SYLLABLES) {
                    if (words.size() == SIZE) {
                        break outer;
                    }
                    words.add(first + second + third);
                }
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(words));
    }

    private static double[] cumulativeWeights() {
        double[] cumulative = new double[WORDS.size()];
        double sum = 0;
        for (int rank = 0; rank < cumulative.length; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        return cumulative;
    }

    /** A word drawn by Zipf's law. Uses only exact IEEE arithmetic, so a seed gives the same words on every JVM. */
    static String draw(Random random) {
        double target = random.nextDouble() * CUMULATIVE_WEIGHTS[CUMULATIVE_WEIGHTS.length - 1];
        int low = 0;
        int high = CUMULATIVE_WEIGHTS.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (CUMULATIVE_WEIGHTS[middle] <= target) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return WORDS.get(low);
    }
}
