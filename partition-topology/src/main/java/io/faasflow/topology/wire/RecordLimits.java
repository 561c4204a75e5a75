package io.faasflow.topology.wire;

/**
 * How large a record on faasflow's topics may be. Every topic is created with {@code max.message.bytes} set to
 * {@link #MAX_RECORD_BYTES}, and every producer's {@code max.request.size} is at least that, so a record either fits
 * every hop or is refused before it is sent, never by the broker after work was done on it.
 *
 * <p>The budget: an invocation's input ({@link InputLimits}, at most {@link #MAX_INPUT_BYTES}) rides in its
 * invocation record and in its home node's state record until it is stored, beside the state's per-function
 * bookkeeping; a definition record carries the YAML and the plan.
 */
public final class RecordLimits {
    /** The topics' {@code max.message.bytes}: 8 MiB. */
    public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;
    /** What a producer may send in one request: the record plus the batch's framing. */
    public static final int MAX_REQUEST_BYTES = MAX_RECORD_BYTES + 64 * 1024;
    /** The largest input limit that can be configured: half a record, the rest for the state around it. */
    public static final int MAX_INPUT_BYTES = MAX_RECORD_BYTES / 2;
    /** Characters of an error message kept in reports and results; longer ones are cut. */
    public static final int MAX_MESSAGE_CHARS = 4096;

    private RecordLimits() {
    }

    /** {@code message} cut to {@link #MAX_MESSAGE_CHARS}, saying how much was cut; null stays null. */
    public static String clip(String message) {
        if (message == null || message.length() <= MAX_MESSAGE_CHARS) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE_CHARS) + "... (" + (message.length() - MAX_MESSAGE_CHARS)
                + " more characters)";
    }
}
