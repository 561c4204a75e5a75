package io.faasflow.scheduler.intake;

/**
 * What an invocation id may be: it keys Kafka records and prefixes storage keys, so it is 1 to {@value #MAX_LENGTH}
 * printable ASCII characters without spaces or {@code /}.
 */
public final class InvocationIds {
    public static final int MAX_LENGTH = 200;

    private InvocationIds() {
    }

    /** @throws RejectedRecordException naming {@code field} when {@code id} is not a valid invocation id */
    public static void check(String field, String id) {
        if (id == null || id.isEmpty()) {
            throw new RejectedRecordException("field '" + field + "' is missing");
        }
        if (id.length() > MAX_LENGTH) {
            throw new RejectedRecordException("field '" + field + "' is " + id.length() + " characters long; at most "
                    + MAX_LENGTH + " are accepted");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '/') {
                throw new RejectedRecordException("field '" + field + "' has the character " + String.format("U+%04X", (int) c)
                        + " at " + i + "; invocation ids are printable ASCII without spaces or '/'");
            }
        }
    }
}
