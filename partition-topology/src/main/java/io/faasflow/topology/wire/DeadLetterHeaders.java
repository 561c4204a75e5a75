package io.faasflow.topology.wire;

/**
 * The headers a record on the dead-letter topic carries besides its own: why it was dropped, where it was read
 * and who dropped it. Values are UTF-8 text.
 */
public final class DeadLetterHeaders {
    /** Why the record could not be handled, naming the field or limit at fault. */
    public static final String CAUSE = "faasflow.dead-letter.cause";
    /** The topic it was read from. */
    public static final String TOPIC = "faasflow.dead-letter.topic";
    /** The partition it was read from, in decimal. */
    public static final String PARTITION = "faasflow.dead-letter.partition";
    /** Its offset there, in decimal. */
    public static final String OFFSET = "faasflow.dead-letter.offset";
    /** The process that gave up on it: {@code node-K} or {@code ingress}. */
    public static final String CONSUMER = "faasflow.dead-letter.consumer";

    private DeadLetterHeaders() {
    }

    /** The headers, in order, for a record read at {@code topic}-{@code partition}@{@code offset}. */
    public static java.util.Map<String, byte[]> of(String cause, String topic, int partition, long offset, String consumer) {
        java.util.Map<String, byte[]> headers = new java.util.LinkedHashMap<>();
        headers.put(CAUSE, utf8(cause));
        headers.put(TOPIC, utf8(topic));
        headers.put(PARTITION, utf8(String.valueOf(partition)));
        headers.put(OFFSET, utf8(String.valueOf(offset)));
        headers.put(CONSUMER, utf8(consumer));
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
