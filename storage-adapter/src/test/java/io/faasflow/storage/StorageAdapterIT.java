package io.faasflow.storage;

import io.faasflow.storage.local.CouchDbStandIn;
import io.faasflow.storage.local.RedisServerProcess;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/** {@link StorageAdapterContract} over two local redis-server processes and the CouchDB stand-in. */
@Timeout(120)
class StorageAdapterIT extends StorageAdapterContract {
    private static RedisServerProcess redisA;
    private static RedisServerProcess redisB;
    private static CouchDbStandIn couch;
    private static StorageAdapter nodeA;
    private static StorageAdapter nodeB;

    @BeforeAll
    static void start() {
        redisA = RedisServerProcess.start(LocalServices.workDir("redis-a"));
        redisB = RedisServerProcess.start(LocalServices.workDir("redis-b"));
        couch = CouchDbStandIn.start(LocalServices.projectHome(), LocalServices.workDir("couch"));
        nodeA = StorageAdapter.connect(new StorageConfig(redisA.uri(), couch.url(), "adapter-test", Duration.ofMinutes(5)));
        nodeB = StorageAdapter.connect(new StorageConfig(redisB.uri(), couch.url(), "adapter-test", Duration.ofMinutes(5)));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {nodeA, nodeB, redisA, redisB, couch}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @Override
    protected StorageAdapter nodeA() {
        return nodeA;
    }

    @Override
    protected StorageAdapter nodeB() {
        return nodeB;
    }
}
