package io.faasflow.storage;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import org.redisson.Redisson;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.config.Config;

/**
 * The node-local tier: one Redis per worker node, reached through Redisson. Every key carries a TTL so that
 * data of an invocation whose cleanup never ran still goes away.
 */
public final class RedisDataStore implements DataStore {
    private static final String PREFIX = "ff:";

    private final RedissonClient client;
    private final Duration ttl;

    public RedisDataStore(String redisUri, Duration ttl) {
        Config config = new Config();
        config.setThreads(2);
        config.setNettyThreads(4);
        config.setCodec(ByteArrayCodec.INSTANCE);
        config.useSingleServer()
                .setAddress(redisUri)
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(16)
                .setTimeout(10_000);
        this.client = Redisson.create(config);
        this.ttl = ttl;
    }

    static String redisKey(String invocation, String key) {
        return PREFIX + invocation + ":" + key;
    }

    @Override
    public String tier() {
        return "MEM";
    }

    private RBucket<byte[]> bucket(String invocation, String key) {
        return client.getBucket(redisKey(invocation, key), ByteArrayCodec.INSTANCE);
    }

    @Override
    public void put(String invocation, String key, byte[] value) {
        try {
            bucket(invocation, key).set(value, ttl);
        } catch (RuntimeException e) {
            throw new StorageException(invocation, key, tier(), "Redis write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> get(String invocation, String key) {
        try {
            return Optional.ofNullable(bucket(invocation, key).get());
        } catch (RuntimeException e) {
            throw new StorageException(invocation, key, tier(), "Redis read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(String invocation, String key) {
        return bucket(invocation, key).isExists();
    }

    @Override
    public java.util.List<String> keysOf(String invocation) {
        String prefix = redisKey(invocation, "");
        java.util.List<String> keys = new java.util.ArrayList<>();
        // The invocation id is escaped: glob characters in it must match themselves.
        for (String key : client.getKeys().getKeysByPattern(prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*")) {
            keys.add(key.substring(prefix.length()));
        }
        return keys;
    }

    @Override
    public void delete(String invocation, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        String[] redisKeys = keys.stream().map(k -> redisKey(invocation, k)).toArray(String[]::new);
        client.getKeys().delete(redisKeys);
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
