package io.faasflow.topology.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads JSON from outside (request bodies, hand-written records) strictly: one JSON value and nothing after it,
 * UTF-8 only, no duplicate keys, numbers of at most 1,000 digits, and the {@link InputLimits} enforced while
 * parsing, so an oversized document is refused before it is built.
 */
public final class UntrustedJson {
    private static final int MAX_NUMBER_LENGTH = 1000;

    private final InputLimits limits;
    private final ObjectMapper mapper;

    public UntrustedJson(InputLimits limits) {
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxNameLength(limits.maxNameLength())
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(Math.max(limits.maxBytes(), 1))
                        .maxDocumentLength(limits.maxBytes())
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public InputLimits limits() {
        return limits;
    }

    /**
     * Parses {@code json} as one JSON object within the limits; empty or blank input is the empty object.
     *
     * @throws InputRejectedException naming what is wrong, and the limit when one is broken
     */
    public ObjectNode readObject(byte[] json) {
        if (json.length > limits.maxBytes()) {
            throw new InputRejectedException(LimitViolation.bytes(json.length, limits.maxBytes()));
        }
        if (isBlank(json)) {
            return mapper.createObjectNode();
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new InputRejectedException(violationOf(e));
        } catch (JsonProcessingException e) {
            throw new InputRejectedException("is not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()));
        } catch (IOException e) {
            throw new InputRejectedException("cannot be read: " + e.getMessage());
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new InputRejectedException("must be a JSON object whose fields are the workflow's global inputs; got "
                    + tree.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        limits.check(object, json.length).ifPresent(violation -> {
            throw new InputRejectedException(violation);
        });
        return object;
    }

    private LimitViolation violationOf(StreamConstraintsException e) {
        String text = String.valueOf(e.getOriginalMessage());
        if (text.contains("nesting depth")) {
            return LimitViolation.depth(limits.maxDepth());
        }
        if (text.contains("Name length")) {
            return new LimitViolation("faasflow.limits.input-name-length", "a field name of the input is longer than "
                    + limits.maxNameLength() + " characters (faasflow.limits.input-name-length)", false);
        }
        if (text.contains("Number value length")) {
            return new LimitViolation("number-length", "a number of the input has more than " + MAX_NUMBER_LENGTH
                    + " digits" + at(e.getLocation()), false);
        }
        return new LimitViolation("faasflow.limits.input-bytes", "the input is over the limits: " + text, true);
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static boolean isBlank(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
