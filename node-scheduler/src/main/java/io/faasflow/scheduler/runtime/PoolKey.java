package io.faasflow.scheduler.runtime;

/**
 * What a pooled container can serve: the functions of one deployed workflow version that run one implementation
 * (in practice one function, except in a synthetic deployment, where all run the synthetic function). A new
 * version gets containers of its own; those of the old one are reclaimed once idle.
 */
public record PoolKey(String workflow, long version, String implementation) {
    @Override
    public String toString() {
        return workflow + "@" + version + "/" + implementation;
    }
}
