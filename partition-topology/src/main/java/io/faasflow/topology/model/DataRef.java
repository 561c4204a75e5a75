package io.faasflow.topology.model;

/**
 * Names one datum of an invocation: output {@code key} of function {@code producer}, or global input
 * {@code key} when the producer is {@link InputSpec#GLOBAL_PRODUCER}.
 */
public record DataRef(String producer, String key) implements Comparable<DataRef> {

    /** The storage key, unique within an invocation: {@code producer/key}. */
    public String storageKey() {
        return producer + "/" + key;
    }

    /**
     * The storage key of this output as written by run {@code element} of a foreach function:
     * {@code producer/key@element}. Its destination is still that of this ref.
     */
    public String elementKey(int element) {
        if (element < 0) {
            throw new IllegalArgumentException("element of " + storageKey() + " must be at least 0; got " + element);
        }
        return storageKey() + "@" + element;
    }

    public static DataRef parse(String storageKey) {
        int slash = storageKey.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not a storage key (producer/key): " + storageKey);
        }
        return new DataRef(storageKey.substring(0, slash), storageKey.substring(slash + 1));
    }

    @Override
    public int compareTo(DataRef other) {
        int byProducer = producer.compareTo(other.producer);
        return byProducer != 0 ? byProducer : key.compareTo(other.key);
    }

    @Override
    public String toString() {
        return storageKey();
    }
}
