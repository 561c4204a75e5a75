package io.faasflow.functions.server;

/** Presence and range checks shared by the request records; each failure names the field. */
final class RequestFields {
    private RequestFields() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field, "is missing");
        }
        return value;
    }

    static String text(String value, String field) {
        if (present(value, field).isBlank()) {
            throw new InvalidRequestException(field, "must not be blank");
        }
        return value;
    }

    static double scale(Double value, String field) {
        double scale = present(value, field);
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new InvalidRequestException(field, "must be a finite number at least 0; got " + scale);
        }
        return scale;
    }
}
