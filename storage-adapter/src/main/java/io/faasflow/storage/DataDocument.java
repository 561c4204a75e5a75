package io.faasflow.storage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Base64;
import org.ektorp.Attachment;
import org.ektorp.support.CouchDbDocument;

/**
 * The CouchDB document of one datum: which invocation and key it holds, when it was written, and the bytes
 * as the inline attachment {@code data}. The fields let an operator find and expire data of invocations
 * whose cleanup never ran.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class DataDocument extends CouchDbDocument {
    @JsonProperty
    String invocation;
    @JsonProperty
    String key;
    @JsonProperty
    long createdAt;

    DataDocument() {
    }

    DataDocument(String id, String invocation, String key, byte[] value) {
        setId(id);
        this.invocation = invocation;
        this.key = key;
        this.createdAt = System.currentTimeMillis();
        addInlineAttachment(new Attachment(CouchDataStore.ATTACHMENT, Base64.getEncoder().encodeToString(value),
                "application/octet-stream"));
    }
}
