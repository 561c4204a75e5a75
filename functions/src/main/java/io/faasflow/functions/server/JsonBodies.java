package io.faasflow.functions.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** Reads request bodies into the request records, turning every JSON problem into a 400 that says where it is. */
final class JsonBodies {
    /** A deployment's YAML is the largest part of any request; the generated workflows stay far below this. */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private JsonBodies() {
    }

    /**
     * Reads and parses a body.
     *
     * @throws InvalidRequestException when the body is empty, not JSON, not an object, or a field has the wrong
     *     type
     * @throws HttpFailure 413 when the body is larger than {@link #MAX_BODY_BYTES}
     */
    static <T> T read(InputStream body, Class<T> type) {
        byte[] bytes = readLimited(body);
        if (bytes.length == 0) {
            throw InvalidRequestException.ofBody("the body is empty; expected a JSON object", null);
        }
        T value;
        try {
            value = WireJson.read(bytes, type);
        } catch (JsonMappingException e) {
            throw mappingProblem(e);
        } catch (JsonProcessingException e) {
            throw InvalidRequestException.ofBody("the body is not valid JSON: " + e.getOriginalMessage()
                    + at(e.getLocation()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
        if (value == null) {
            throw InvalidRequestException.ofBody("the body must be a JSON object; got null", null);
        }
        return value;
    }

    private static byte[] readLimited(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new HttpFailure(HttpFailure.TOO_LARGE, "the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private static InvalidRequestException mappingProblem(JsonMappingException e) {
        // A record constructor that refuses its values says why in the cause, not in Jackson's message.
        String problem = e instanceof ValueInstantiationException && e.getCause() != null
                ? e.getCause().getMessage()
                : e.getOriginalMessage();
        String field = path(e.getPath());
        if (field.isEmpty()) {
            return InvalidRequestException.ofBody("the body must be a JSON object of the request's fields: "
                    + problem + at(e.getLocation()), e);
        }
        InvalidRequestException invalid = new InvalidRequestException(field, "has a wrong value: " + problem
                + at(e.getLocation()));
        invalid.initCause(e);
        return invalid;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        return references.stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
