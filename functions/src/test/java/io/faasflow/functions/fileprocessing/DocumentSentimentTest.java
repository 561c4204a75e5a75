package io.faasflow.functions.fileprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** VADER through the port, on sentences and on small Markdown documents whose sentiment is plain. */
class DocumentSentimentTest {
    private static double compound(String sentence) {
        return VaderScorer.score(sentence).compound();
    }

    @Test
    void shouldScoreClearlyPositiveAndClearlyNegativeTextWithTheRightSign() {
        assertTrue(compound("The team was wonderful and the results were excellent.") > 0.5);
        assertTrue(compound("The service was terrible and the food was awful.") < -0.5);
    }

    @Test
    void shouldFlipANegatedWord() {
        assertTrue(compound("The movie is good.") > 0);
        assertTrue(compound("The movie is not good.") < 0);
        assertTrue(compound("The movie is not bad.") > 0);
    }

    @Test
    void shouldApplyBoostersCapitalsAndButAsVaderDoes() {
        assertTrue(compound("The movie is very good.") > compound("The movie is good."));
        assertTrue(compound("The movie is GOOD.") > compound("The movie is good."));
        assertTrue(compound("The plot was good, but the acting was awful.") < 0, "the clause after 'but' weighs more");
    }

    @Test
    void shouldSummariseADocumentSentenceBySentenceIgnoringCode() {
        SentimentSummary positive = DocumentSentiment.of("""
                # A *wonderful* day

                The garden was lovely. Everyone was happy and friendly!

                ```
                terrible awful horrible
                ```

                - The [concert](https://example.org/bad) was `awful_code` brilliant.
                """);
        assertEquals(4, positive.sentences(), positive.toString());
        assertEquals(4, positive.positiveSentences(), positive.toString());
        assertTrue(positive.compound() > 0.5, positive.toString());

        SentimentSummary negative = DocumentSentiment.of("The report is not good. The meeting was sad and boring.");
        assertEquals(2, negative.negativeSentences(), negative.toString());
        assertTrue(negative.compound() < -0.3, negative.toString());
    }

    @Test
    void shouldGiveZerosForADocumentWithoutProse() {
        assertEquals(new SentimentSummary(0, 0, 0, 0, 0, 0, 0, 0), DocumentSentiment.of("```\ncode only\n```\n"));
    }
}
