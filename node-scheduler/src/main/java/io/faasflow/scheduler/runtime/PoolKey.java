package io.faasflow.scheduler.runtime;

/**
 * What a pooled container can serve: one function of one deployed workflow version. A new version gets
 * containers of its own; those of the old one are reclaimed once idle.
 */
public record PoolKey(String workflow, long version, String function) {
    @Override
    public String toString() {
        return workflow + "@" + version + "/" + function;
    }
}
