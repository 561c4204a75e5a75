package io.faasflow.topology.wire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON mapping of every record on faasflow's topics. Thread-safe. */
public final class WireJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private WireJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What went wrong reading a record, in one line: Jackson's own message with its location, without the excerpt
     * of the input it appends (a hand-written record may be anything).
     */
    public static String describe(Exception e) {
        if (e instanceof JsonProcessingException json) {
            JsonLocation location = json.getLocation();
            return json.getOriginalMessage() + (location == null || location.getLineNr() < 0 ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Reads a record; throws {@link IOException} with Jackson's location on malformed input. */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }
}
