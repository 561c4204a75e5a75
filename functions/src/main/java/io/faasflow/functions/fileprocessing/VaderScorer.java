package io.faasflow.functions.fileprocessing;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Scores one sentence with VADER (the valence lexicon and rules of Hutto and Gilbert, 2014) through the Java
 * port {@code com.github.apanimesh061:vader-sentiment-analyzer}, which bundles the VADER lexicon. The port's cost
 * grows faster than linearly with the length of its input, so callers should give it sentences, not documents.
 * Thread-safe: each call uses its own analyser; the lexicon is shared read-only.
 */
final class VaderScorer {
    private VaderScorer() {
    }

    static Polarity score(String sentence) {
        Map<String, Float> scores;
        try {
            SentimentAnalyzer analyzer = new SentimentAnalyzer(sentence);
            analyzer.analyze();
            scores = analyzer.getPolarity();
        } catch (IOException e) {
            // the port tokenises through Lucene over a StringReader, so this is not expected
            throw new UncheckedIOException("VADER could not tokenise a sentence: " + e.getMessage(), e);
        }
        return new Polarity(get(scores, "positive"), get(scores, "negative"), get(scores, "neutral"),
                get(scores, "compound"));
    }

    private static double get(Map<String, Float> scores, String name) {
        Float score = scores.get(name);
        if (score == null) {
            throw new IllegalStateException("the VADER port returned no '" + name + "' score, only " + scores.keySet());
        }
        return score;
    }
}
