package io.faasflow.scheduler.runtime;

import io.faasflow.scheduler.NodeSchedulerConfig;
import io.faasflow.storage.StorageConfig;
import io.faasflow.storage.access.CouchEndpoint;
import io.faasflow.storage.access.CouchSession;
import io.faasflow.storage.access.FunctionUser;
import java.util.Properties;

/**
 * Creates the CouchDB user that function code logs in as and exits: the one-shot {@code couchdb-setup} service of
 * the compose cluster, which runs before the schedulers. With the server admin of {@code faasflow.couchdb-url} it
 * creates the data database ({@code faasflow.couchdb-database}) and the user of
 * {@code faasflow.function-couchdb-url} when missing, sets that user's password when it changed, and makes the user
 * a member of the data database; settings are read as the scheduler reads them (system properties, else
 * environment variables). Exits 2 on a bad setting and 1 when CouchDB refuses.
 */
public final class FunctionUserSetupMain {
    private FunctionUserSetupMain() {
    }

    public static void main(String[] args) {
        Properties settings = NodeSchedulerConfig.withEnvironment(System.getProperties(), System.getenv());
        CouchEndpoint admin;
        CouchEndpoint function;
        String database = settings.getProperty(NodeSchedulerConfig.COUCHDB_DATABASE_CONFIG, StorageConfig.DEFAULT_DATABASE).trim();
        try {
            admin = CouchEndpoint.parse(NodeSchedulerConfig.COUCHDB_CONFIG, required(settings, NodeSchedulerConfig.COUCHDB_CONFIG));
            function = CouchEndpoint.parse(NodeSchedulerConfig.FUNCTION_COUCHDB_CONFIG,
                    required(settings, NodeSchedulerConfig.FUNCTION_COUCHDB_CONFIG));
        } catch (IllegalArgumentException e) {
            System.err.println("setup couchdb: " + e.getMessage());
            System.exit(2);
            return;
        }
        CouchSession session;
        try {
            session = FunctionUser.provision(admin, database, function);
        } catch (IllegalArgumentException e) {
            System.err.println("setup couchdb: " + e.getMessage());
            System.exit(2);
            return;
        } catch (IllegalStateException e) {
            System.err.println("setup couchdb: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("COUCHDB_READY function user '" + session.name() + "' is a member of " + database
                + " at " + admin.base() + ", with roles " + session.roles());
    }

    private static String required(Properties settings, String key) {
        String value = settings.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing setting " + key + " (environment "
                    + NodeSchedulerConfig.environmentName(key) + "): " + NodeSchedulerConfig.documentation().get(key));
        }
        return value;
    }
}
