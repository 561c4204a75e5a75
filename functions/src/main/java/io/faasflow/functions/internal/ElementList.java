package io.faasflow.functions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A foreach list ({@code keys} output) parsed once: its stored JSON text and the value of each element, a
 * JSON string as its bare UTF-8 text and anything else as its JSON text. Immutable; callers get copies.
 */
public final class ElementList {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] json;
    private final List<byte[]> elements;

    private ElementList(byte[] json, List<byte[]> elements) {
        this.json = json;
        this.elements = elements;
    }

    /**
     * Parses a stored list.
     *
     * @throws IllegalArgumentException when {@code json} is not a JSON array
     */
    public static ElementList parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("not a JSON array but " + (root == null ? "nothing" : root.getNodeType()));
        }
        List<byte[]> values = new ArrayList<>(root.size());
        for (JsonNode element : root) {
            values.add((element.isTextual() ? element.textValue() : element.toString()).getBytes(StandardCharsets.UTF_8));
        }
        return new ElementList(json.clone(), Collections.unmodifiableList(values));
    }

    /** Number of elements. */
    public int size() {
        return elements.size();
    }

    /** A copy of element {@code index}; the caller checks the range. */
    public byte[] element(int index) {
        return elements.get(index).clone();
    }

    /** Copies of every element, in list order. */
    public List<byte[]> elements() {
        return elements.stream().map(byte[]::clone).toList();
    }

    /** A copy of the whole list's JSON text, as stored. */
    public byte[] json() {
        return json.clone();
    }
}
