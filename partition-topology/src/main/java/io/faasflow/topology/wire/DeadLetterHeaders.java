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
    /** Present when the copy holds only the start of the value: the original's length in bytes, in decimal. */
    public static final String CUT_FROM = "faasflow.dead-letter.cut-from-bytes";
    /**
     * The most of a value a dead letter copies: a record at the topics' limit would not fit with its headers and
     * the original's; the original stays where the headers say, for the topic's retention.
     */
    public static final int MAX_VALUE_BYTES = RecordLimits.MAX_RECORD_BYTES - 256 * 1024;

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

    /** {@code value} itself, or its first {@link #MAX_VALUE_BYTES} bytes when it is longer; null stays null. */
    public static byte[] fitted(byte[] value) {
        return value == null || value.length <= MAX_VALUE_BYTES ? value : java.util.Arrays.copyOf(value, MAX_VALUE_BYTES);
    }

    /** {@link #of} plus {@link #CUT_FROM} when {@link #fitted} cuts {@code value}. */
    public static java.util.Map<String, byte[]> of(String cause, String topic, int partition, long offset, String consumer,
            byte[] value) {
        java.util.Map<String, byte[]> headers = of(cause, topic, partition, offset, consumer);
        if (value != null && value.length > MAX_VALUE_BYTES) {
            headers.put(CUT_FROM, utf8(String.valueOf(value.length)));
        }
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
