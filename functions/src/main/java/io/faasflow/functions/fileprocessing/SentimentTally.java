package io.faasflow.functions.fileprocessing;

/**
 * Adds up sentence scores into a {@link SentimentSummary}. Not thread-safe: one tally per thread, combined with
 * {@link #add(SentimentTally)}.
 */
final class SentimentTally {
    private long sentences;
    private double compound;
    private double positive;
    private double negative;
    private double neutral;
    private long positiveSentences;
    private long negativeSentences;

    void add(Polarity score) {
        sentences++;
        compound += score.compound();
        positive += score.positive();
        negative += score.negative();
        neutral += score.neutral();
        if (score.compound() >= Polarity.THRESHOLD) {
            positiveSentences++;
        } else if (score.compound() <= -Polarity.THRESHOLD) {
            negativeSentences++;
        }
    }

    void add(SentimentTally other) {
        sentences += other.sentences;
        compound += other.compound;
        positive += other.positive;
        negative += other.negative;
        neutral += other.neutral;
        positiveSentences += other.positiveSentences;
        negativeSentences += other.negativeSentences;
    }

    SentimentSummary summary() {
        return new SentimentSummary(sentences, mean(compound), mean(positive), mean(negative), mean(neutral),
                positiveSentences, negativeSentences, sentences - positiveSentences - negativeSentences);
    }

    private double mean(double sum) {
        return sentences == 0 ? 0 : Math.round(sum / sentences * 10_000) / 10_000.0;
    }
}
