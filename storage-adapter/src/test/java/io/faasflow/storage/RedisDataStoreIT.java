package io.faasflow.storage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faasflow.storage.local.RedisServerProcess;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class RedisDataStoreIT extends DataStoreContractTest {
    private static RedisServerProcess redis;
    private static RedisDataStore store;

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.start(LocalServices.workDir("redis"));
        store = new RedisDataStore(redis.uri(), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected DataStore store() {
        return store;
    }

    @Test
    void shouldExpireKeysWhoseCleanupNeverRan() throws InterruptedException {
        try (RedisDataStore shortLived = new RedisDataStore(redis.uri(), Duration.ofMillis(300))) {
            String invocation = UUID.randomUUID().toString();
            shortLived.put(invocation, "a/out", new byte[] {1});
            Thread.sleep(800);
            assertTrue(shortLived.get(invocation, "a/out").isEmpty());
        }
    }
}
