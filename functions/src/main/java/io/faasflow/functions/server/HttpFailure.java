package io.faasflow.functions.server;

/** A request the server refuses with a status other than 400 (which is {@link InvalidRequestException}'s). */
final class HttpFailure extends RuntimeException {
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int CONFLICT = 409;
    static final int TOO_LARGE = 413;
    static final int UNAVAILABLE = 503;

    private final int status;

    HttpFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    HttpFailure(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    int status() {
        return status;
    }
}
