package io.faasflow.scheduler.runtime;

import io.faasflow.storage.StorageConfig;
import io.faasflow.storage.access.CouchEndpoint;
import io.faasflow.storage.access.CouchSession;
import io.faasflow.storage.access.FunctionUser;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage settings that function containers get: the node's Redis and either the scheduler's CouchDB URL,
 * when it carries no credentials, or the function user's URL once CouchDB confirms that it logs in as a user
 * who is not an admin.
 */
public final class FunctionStorage {
    private static final Logger LOG = LoggerFactory.getLogger(FunctionStorage.class);

    private FunctionStorage() {
    }

    /**
     * @param node the scheduler's own storage
     * @param functionCouchUrl the function user's URL, or null
     * @param setting the name of the setting {@code functionCouchUrl} came from, for errors
     * @param patience how long CouchDB may take to answer the check, as at a cluster's start
     * @throws IllegalArgumentException when the function URL logs in as an admin, anonymously or not at all
     */
    public static StorageSettings resolve(StorageConfig node, String functionCouchUrl, String setting, Duration patience)
            throws InterruptedException {
        if (functionCouchUrl == null) {
            return StorageSettings.of(node);
        }
        CouchEndpoint function = CouchEndpoint.parse(setting, functionCouchUrl);
        CouchSession session = checkPatiently(function, setting, patience);
        LOG.info("function code reaches CouchDB {} as user '{}' (roles {}), not as the scheduler's user", function.base(),
                session.name(), session.roles());
        return new StorageSettings(node.redisUri(), functionCouchUrl, node.database(), node.ttl().toSeconds());
    }

    private static CouchSession checkPatiently(CouchEndpoint function, String setting, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return FunctionUser.check(function);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalArgumentException(setting + ": cannot confirm whom " + function
                            + " logs in as within " + patience.toSeconds() + " s: " + e.getMessage(), e);
                }
                Thread.sleep(500);
            }
        }
    }
}
