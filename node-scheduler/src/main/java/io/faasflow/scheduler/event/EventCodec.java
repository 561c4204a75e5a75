package io.faasflow.scheduler.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.faasflow.topology.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON of {@link NodeEvent}s, with the {@code kind} property naming the event type. */
public final class EventCodec {
    private static final ObjectWriter WRITER = WireJson.mapper().writerFor(NodeEvent.class);

    private EventCodec() {
    }

    public static byte[] encode(NodeEvent event) {
        try {
            return WRITER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NodeEvent decode(byte[] json) throws IOException {
        return WireJson.mapper().readValue(json, NodeEvent.class);
    }
}
