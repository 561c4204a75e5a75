package io.faasflow.storage;

import io.faasflow.storage.local.CouchDbStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class CouchDataStoreIT extends DataStoreContractTest {
    private static CouchDbStandIn couch;
    private static CouchDataStore store;

    @BeforeAll
    static void start() {
        couch = CouchDbStandIn.start(LocalServices.projectHome(), LocalServices.workDir("couch"));
        store = new CouchDataStore(couch.url(), "contract-test");
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (couch != null) {
            couch.close();
        }
    }

    @Override
    protected DataStore store() {
        return store;
    }
}
