package io.faasflow.functions.fileprocessing;

import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;

/**
 * The sentiment of a Markdown document: its prose ({@link ProseExtractor}) split into sentences by the JDK's
 * English sentence rules, each sentence with a letter in it scored by {@link VaderScorer}, the scores summarised.
 * Blocks are scored in parallel on the common fork-join pool (the default document has about 600,000 sentences)
 * but added up in document order, so a document always gets the same summary.
 */
final class DocumentSentiment {
    private DocumentSentiment() {
    }

    static SentimentSummary of(String markdown) {
        List<SentimentTally> tallies = ProseExtractor.blocks(markdown).parallelStream()
                .map(DocumentSentiment::tally)
                .toList();
        SentimentTally total = new SentimentTally();
        tallies.forEach(total::add);
        return total.summary();
    }

    private static SentimentTally tally(String block) {
        SentimentTally tally = new SentimentTally();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(block);
        for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
                start = end, end = sentences.next()) {
            String sentence = block.substring(start, end).strip();
            if (sentence.codePoints().anyMatch(Character::isLetter)) {
                tally.add(VaderScorer.score(sentence));
            }
        }
        return tally;
    }
}
