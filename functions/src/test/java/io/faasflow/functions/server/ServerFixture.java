package io.faasflow.functions.server;

import io.faasflow.functions.BuiltInFunctions;
import io.faasflow.functions.FunctionRegistry;
import io.faasflow.functions.internal.InMemoryDataStore;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.storage.StorageAdapter;
import io.faasflow.storage.StorageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Function servers on free loopback ports whose storage is one pair of in-memory stores, as containers on one
 * node share its Redis and the CouchDB. A Redis URI with host {@value #UNREACHABLE} fails to connect.
 */
final class ServerFixture implements AutoCloseable {
    static final String UNREACHABLE = "unreachable.invalid";

    final InMemoryDataStore local = new InMemoryDataStore("MEM");
    final InMemoryDataStore remote = new InMemoryDataStore("DB");
    /** Every storage configuration an init connected with. */
    final List<StorageConfig> connections = new CopyOnWriteArrayList<>();
    private final List<FunctionServer> servers = new ArrayList<>();

    ServerCalls start() {
        return start(BuiltInFunctions::registry);
    }

    ServerCalls start(Function<SyntheticScale, FunctionRegistry> registries) {
        FunctionServer server = FunctionServer.start("127.0.0.1", 0, this::connect, registries);
        servers.add(server);
        return new ServerCalls(server.port());
    }

    private StorageAdapter connect(StorageConfig config) {
        if (config.redisUri().contains(UNREACHABLE)) {
            throw new IllegalStateException("Unable to connect to Redis server: " + config.redisUri());
        }
        connections.add(config);
        return new StorageAdapter(local, remote);
    }

    /** What the servers stored, read as a function would. */
    byte[] stored(String invocation, String key) {
        return new StorageAdapter(local, remote).fetch(invocation, key);
    }

    /** Every key the servers stored for an invocation, in either store. */
    java.util.Set<String> storedKeys(String invocation) {
        java.util.Set<String> keys = new java.util.TreeSet<>(local.keys(invocation));
        keys.addAll(remote.keys(invocation));
        return keys;
    }

    @Override
    public void close() {
        servers.forEach(FunctionServer::close);
    }
}
