package io.faasflow.functions.wordcount;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Word counts as JSON: one object of word to a non-negative integer count. */
final class WordCountJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WordCountJson() {
    }

    static byte[] write(Map<String, Long> counts) {
        try {
            return JSON.writeValueAsBytes(counts);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses word counts.
     *
     * @param what names the value in errors, e.g. "input 'wordcount' element 3 of function merge"
     * @throws IllegalArgumentException when the value is not such an object
     */
    static SortedMap<String, Long> read(byte[] json, String what) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object of word counts");
        }
        SortedMap<String, Long> counts = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode count = entry.getValue();
            if (!count.isIntegralNumber() || !count.canConvertToLong() || count.asLong() < 0) {
                throw new IllegalArgumentException(what + " gives word '" + entry.getKey() + "' the count " + count
                        + "; counts are non-negative integers");
            }
            counts.put(entry.getKey(), count.asLong());
        }
        return counts;
    }
}
