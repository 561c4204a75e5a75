package io.faasflow.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ektorp.AttachmentInputStream;
import org.ektorp.BulkDeleteDocument;
import org.ektorp.CouchDbConnector;
import org.ektorp.CouchDbInstance;
import org.ektorp.DocumentNotFoundException;
import org.ektorp.DocumentOperationResult;
import org.ektorp.UpdateConflictException;
import org.ektorp.ViewQuery;
import org.ektorp.ViewResult;
import org.ektorp.http.HttpClient;
import org.ektorp.http.StdHttpClient;
import org.ektorp.impl.StdCouchDbConnector;
import org.ektorp.impl.StdCouchDbInstance;

/**
 * The cross-node tier: one shared CouchDB, reached through Ektorp. Each (invocation, key) is its own
 * document holding the bytes as attachment {@code data} (see {@link DataDocument}), so parallel writers of one invocation never
 * contend on a document revision (the original kept all of an invocation's data on one document).
 */
public final class CouchDataStore implements DataStore {
    static final String ATTACHMENT = "data";

    private final HttpClient http;
    private final CouchDbInstance instance;
    private final CouchDbConnector db;

    public CouchDataStore(String url, String database) {
        try {
            this.http = new StdHttpClient.Builder()
                    .url(url)
                    .maxConnections(64)
                    .connectionTimeout(10_000)
                    .socketTimeout(60_000)
                    .caching(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("CouchDB URL is malformed: " + url, e);
        }
        this.instance = new StdCouchDbInstance(http);
        this.db = new StdCouchDbConnector(database, instance);
        db.createDatabaseIfNotExists();
    }

    /** Document id of a datum: the invocation, then the key in URL-safe Base64 (keys may hold any character). */
    static String documentId(String invocation, String key) {
        return invocation + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public java.util.List<String> keysOf(String invocation) {
        String prefix = invocation + ".";
        org.ektorp.ViewQuery allOfIt = new org.ektorp.ViewQuery().allDocs().startKey(prefix).endKey(prefix + "\ufff0");
        return db.queryView(allOfIt).getRows().stream()
                .map(row -> new String(Base64.getUrlDecoder().decode(row.getId().substring(prefix.length())),
                        StandardCharsets.UTF_8))
                .toList();
    }

    @Override
    public String tier() {
        return "DB";
    }

    @Override
    public void put(String invocation, String key, byte[] value) {
        try {
            write(invocation, key, value);
        } catch (StorageException e) {
            if (!recreatedDatabase()) {
                throw e;
            }
            write(invocation, key, value);
        }
    }

    /**
     * Creates the database again when it is gone (a server that keeps data in memory was restarted), so writes
     * work again without a restart of this process; false when it was there, and the failure was something else.
     */
    private boolean recreatedDatabase() {
        try {
            if (instance.checkIfDbExists(db.getDatabaseName())) {
                return false;
            }
            db.createDatabaseIfNotExists();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void write(String invocation, String key, byte[] value) {
        String id = documentId(invocation, key);
        if (value.length == 0) {
            putEmpty(invocation, key, id);
            return;
        }
        DataDocument document = new DataDocument(id, invocation, key, value);
        try {
            // One JSON document with the bytes inline: pouchdb-server takes a 1 MiB body this way in ~35 ms,
            // against ~110 ms as a standalone attachment PUT.
            db.create(document);
        } catch (UpdateConflictException firstWriteLost) {
            // A retried function writes the same key again: replace the earlier document.
            try {
                document.setRevision(revisionOf(id));
                db.update(document);
            } catch (RuntimeException e) {
                throw new StorageException(invocation, key, tier(), "CouchDB rewrite failed: " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            throw new StorageException(invocation, key, tier(), "CouchDB write failed: " + e.getMessage(), e);
        }
    }

    /** Ektorp refuses an empty inline attachment; an empty value goes as a standalone attachment instead. */
    private void putEmpty(String invocation, String key, String id) {
        try {
            db.createAttachment(id, emptyAttachment());
        } catch (UpdateConflictException firstWriteLost) {
            db.createAttachment(id, revisionOf(id), emptyAttachment());
        } catch (RuntimeException e) {
            throw new StorageException(invocation, key, tier(), "CouchDB write failed: " + e.getMessage(), e);
        }
    }

    private static AttachmentInputStream emptyAttachment() {
        return new AttachmentInputStream(ATTACHMENT, new ByteArrayInputStream(new byte[0]), "application/octet-stream", 0);
    }

    @Override
    public Optional<byte[]> get(String invocation, String key) {
        try (InputStream in = db.getAttachment(documentId(invocation, key), ATTACHMENT)) {
            return Optional.of(in.readAllBytes());
        } catch (DocumentNotFoundException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new StorageException(invocation, key, tier(), "CouchDB read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(String invocation, String key) {
        return db.contains(documentId(invocation, key));
    }

    /**
     * Removes the keys' documents in two requests whatever their number: their revisions from {@code _all_docs},
     * then one {@code _bulk_docs} of deletions. Keys never written, already deleted, or changed meanwhile (a
     * conflict) are left alone: another node's cleanup or a retry got there first.
     */
    @Override
    public void delete(String invocation, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Map<String, String> keyOf = new java.util.LinkedHashMap<>();
        keys.forEach(key -> keyOf.put(documentId(invocation, key), key));
        try {
            ViewQuery query = new ViewQuery().allDocs().keys(keyOf.keySet());
            query.setIgnoreNotFound(true);
            List<BulkDeleteDocument> deletions = new ArrayList<>();
            for (ViewResult.Row row : db.queryView(query).getRows()) {
                JsonNode value = row.getValueAsNode();
                if (row.getId() != null && value != null && value.hasNonNull("rev") && !value.path("deleted").asBoolean()) {
                    deletions.add(new BulkDeleteDocument(row.getId(), value.get("rev").asText()));
                }
            }
            if (!deletions.isEmpty()) {
                for (DocumentOperationResult outcome : db.executeBulk(deletions)) {
                    if (!"conflict".equals(outcome.getError())) {
                        throw new IllegalStateException("document " + outcome.getId() + ": " + outcome.getError() + " ("
                                + outcome.getReason() + ")");
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new StorageException(invocation, String.join(",", keys), tier(), "CouchDB delete failed: " + e.getMessage(), e);
        }
    }

    /**
     * The current revision, read from the document body: pouchdb-server answers HEAD with an ETag of its
     * own rather than the revision, so Ektorp's {@code getCurrentRevision} cannot be used.
     */
    private String revisionOf(String id) {
        Object revision = db.get(Map.class, id).get("_rev");
        if (revision == null) {
            throw new IllegalStateException("CouchDB document " + id + " has no _rev");
        }
        return revision.toString();
    }

    @Override
    public void close() {
        http.shutdown();
    }
}
