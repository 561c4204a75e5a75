package io.faasflow.storage;

import io.faasflow.storage.access.FunctionUserContract;
import io.faasflow.storage.containers.RequiresDockerEngine;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The store contracts and the adapter contract against Redis and CouchDB containers, as the compose cluster runs
 * them: the official images, or their local stand-ins with {@code FAASFLOW_LOCAL_IMAGES=1}. CouchDB has an admin,
 * as CouchDB 3 requires, and the stores reach it with the admin's credentials in the URL.
 */
@RequiresDockerEngine
@Timeout(300)
class StorageContainersIT {
    static final DockerImageName REDIS = DockerImageName.parse("redis:7.4");
    static final DockerImageName COUCHDB = DockerImageName.parse("couchdb:3.5");
    private static final String ADMIN = "admin";
    private static final String PASSWORD = "contract-secret";

    private static GenericContainer<?> redisA;
    private static GenericContainer<?> redisB;
    private static GenericContainer<?> couch;

    @BeforeAll
    static void start() {
        redisA = redis();
        redisB = redis();
        couch = new GenericContainer<>(COUCHDB)
                .withEnv("COUCHDB_USER", ADMIN)
                .withEnv("COUCHDB_PASSWORD", PASSWORD)
                .withExposedPorts(5984)
                .waitingFor(Wait.forHttp("/_up").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));
        redisA.start();
        redisB.start();
        couch.start();
    }

    private static GenericContainer<?> redis() {
        return new GenericContainer<>(REDIS)
                .withCommand("redis-server", "--save", "", "--appendonly", "no", "--protected-mode", "no")
                .withExposedPorts(6379)
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));
    }

    @AfterAll
    static void stop() {
        for (GenericContainer<?> container : new GenericContainer<?>[] {couch, redisB, redisA}) {
            if (container != null) {
                container.stop();
            }
        }
    }

    static String redisUri(GenericContainer<?> redis) {
        return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
    }

    static String couchUrl() {
        return "http://" + ADMIN + ":" + PASSWORD + "@" + couch.getHost() + ":" + couch.getMappedPort(5984);
    }

    /** A store opened for each test and closed after it. */
    abstract static class OpenedStore extends DataStoreContractTest {
        private DataStore store;

        abstract DataStore open();

        @Override
        protected DataStore store() {
            if (store == null) {
                store = open();
            }
            return store;
        }

        @AfterEach
        void close() {
            if (store != null) {
                store.close();
            }
        }
    }

    @Nested
    class RedisStore extends OpenedStore {
        @Override
        DataStore open() {
            return new RedisDataStore(redisUri(redisA), Duration.ofMinutes(5));
        }
    }

    @Nested
    class CouchStore extends OpenedStore {
        @Override
        DataStore open() {
            return new CouchDataStore(couchUrl(), "contract-test");
        }
    }

    @Nested
    class FunctionUser extends FunctionUserContract {
        @Override
        protected String adminUrl() {
            return couchUrl();
        }
    }

    @Nested
    class Adapter extends StorageAdapterContract {
        private StorageAdapter nodeA;
        private StorageAdapter nodeB;

        @Override
        protected StorageAdapter nodeA() {
            if (nodeA == null) {
                nodeA = StorageAdapter.connect(new StorageConfig(redisUri(redisA), couchUrl(), "adapter-test", Duration.ofMinutes(5)));
            }
            return nodeA;
        }

        @Override
        protected StorageAdapter nodeB() {
            if (nodeB == null) {
                nodeB = StorageAdapter.connect(new StorageConfig(redisUri(redisB), couchUrl(), "adapter-test", Duration.ofMinutes(5)));
            }
            return nodeB;
        }

        @AfterEach
        void close() {
            if (nodeA != null) {
                nodeA.close();
            }
            if (nodeB != null) {
                nodeB.close();
            }
        }
    }
}
