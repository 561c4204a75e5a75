package io.faasflow.functions.fileprocessing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What fileprocessing's {@code upload} makes of the two results: the HTML's size, SHA-256 (hex) and number of
 * level-1 and level-2 headings, with the document's {@link SentimentSummary}. Written as JSON with these field
 * names, the summary nested under {@code sentiment}.
 */
record UploadRecord(long htmlBytes, String htmlSha256, long h1, long h2, SentimentSummary sentiment) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static UploadRecord of(byte[] html, SentimentSummary sentiment) {
        return new UploadRecord(html.length, sha256(html), occurrences(html, "<h1>"), occurrences(html, "<h2>"),
                sentiment);
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static long occurrences(byte[] text, String tag) {
        byte[] pattern = tag.getBytes(StandardCharsets.US_ASCII);
        long count = 0;
        outer:
        for (int i = 0; i + pattern.length <= text.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (text[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            count++;
            i += pattern.length - 1;
        }
        return count;
    }
}
