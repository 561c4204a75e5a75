package io.faasflow.storage;

/**
 * A datum of an invocation could not be stored or fetched. Carries the invocation, the storage key and the
 * tier ({@code MEM}, {@code DB} or both) at fault.
 */
public final class StorageException extends RuntimeException {
    private final String invocation;
    private final String key;
    private final String tier;

    public StorageException(String invocation, String key, String tier, String problem, Throwable cause) {
        super("invocation " + invocation + ", key '" + key + "' (" + tier + "): " + problem, cause);
        this.invocation = invocation;
        this.key = key;
        this.tier = tier;
    }

    public StorageException(String invocation, String key, String tier, String problem) {
        this(invocation, key, tier, problem, null);
    }

    public String invocation() {
        return invocation;
    }

    public String key() {
        return key;
    }

    public String tier() {
        return tier;
    }
}
