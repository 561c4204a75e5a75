package io.faasflow.functions.fileprocessing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The sentiment of a document, from the VADER scores of its sentences: how many were scored, the means of their
 * scores (rounded to 4 decimals, as VADER reports them; all 0 without sentences) and how many were positive,
 * negative or neutral by {@link Polarity#THRESHOLD}. Written as a small JSON object with these field names.
 */
record SentimentSummary(long sentences, double compound, double positive, double negative, double neutral,
        long positiveSentences, long negativeSentences, long neutralSentences) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    SentimentSummary {
        if (sentences < 0 || positiveSentences < 0 || negativeSentences < 0 || neutralSentences < 0
                || positiveSentences + negativeSentences + neutralSentences != sentences) {
            throw new IllegalArgumentException("sentence counts must be non-negative and add up to " + sentences
                    + ": " + positiveSentences + " positive, " + negativeSentences + " negative, " + neutralSentences
                    + " neutral");
        }
        if (!(compound >= -1 && compound <= 1)) {
            throw new IllegalArgumentException("a compound score lies in [-1, 1]; got " + compound);
        }
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a summary written by {@link #toJson()}.
     *
     * @param what names the value in errors, e.g. "input 'score' of function upload"
     * @throws IllegalArgumentException when the value is not such a summary
     */
    static SentimentSummary read(byte[] json, String what) {
        try {
            SentimentSummary summary = JSON.readValue(json, SentimentSummary.class);
            if (summary == null) {
                throw new IllegalArgumentException(what + " is JSON null, not a sentiment summary");
            }
            return summary;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not a sentiment summary: " + e.getMessage(), e);
        }
    }
}
