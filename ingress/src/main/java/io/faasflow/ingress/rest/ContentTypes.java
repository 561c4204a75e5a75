package io.faasflow.ingress.rest;

import io.faasflow.ingress.UnsupportedMediaTypeException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * The content types a POST body may have. Only types a web page cannot send without the browser asking first
 * (no {@code text/plain}, no form types), so another site open in the user's browser cannot post to the API.
 */
final class ContentTypes {
    /** What a workflow definition may be sent as. */
    static final List<String> YAML = List.of("application/yaml", "application/x-yaml", "text/yaml");
    /** What an invocation's input may be sent as. */
    static final List<String> JSON = List.of("application/json");

    private ContentTypes() {
    }

    /**
     * Checks the request's {@code Content-Type} header against {@code accepted} (type and subtype; parameters such
     * as a charset are ignored: bodies are read as strict UTF-8 whatever they say). An empty body may come without one ({@code curl -X POST} of an invocation without
     * inputs). Throws {@link UnsupportedMediaTypeException} naming what was sent and what is taken.
     */
    static void require(String header, List<String> accepted, byte[] body) {
        boolean absent = header == null || header.isBlank();
        if (absent && (body == null || body.length == 0)) {
            return;
        }
        if (absent) {
            throw new UnsupportedMediaTypeException("missing; send " + String.join(" or ", accepted));
        }
        MediaType type;
        try {
            type = MediaType.valueOf(header.trim());
        } catch (IllegalArgumentException e) {
            throw new UnsupportedMediaTypeException("'" + shown(header) + "' is not a media type; send "
                    + String.join(" or ", accepted));
        }
        String sent = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        if (!accepted.contains(sent)) {
            throw new UnsupportedMediaTypeException("'" + shown(sent) + "' is not taken here; send "
                    + String.join(" or ", accepted));
        }
    }

    private static String shown(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
