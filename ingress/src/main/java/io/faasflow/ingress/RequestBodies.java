package io.faasflow.ingress;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Request bodies as text: UTF-8 only, so that a malformed byte is an error naming its place, not a silent U+FFFD. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** @throws InvalidRequestException naming {@code field} when {@code body} is not valid UTF-8 */
    public static String utf8(String field, byte[] body) {
        if (body == null) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException(field, "is not valid UTF-8 text (" + e.getMessage() + ")");
        }
    }
}
