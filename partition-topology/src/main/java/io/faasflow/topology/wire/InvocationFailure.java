package io.faasflow.topology.wire;

/**
 * Why an invocation failed: data, never a serialized exception.
 *
 * @param function the function at fault; null when the invocation failed before any function ran
 * @param type a short machine-readable kind, e.g. {@code FunctionFailed}, {@code UnknownWorkflow}
 * @param message a human-readable explanation, cut to {@link RecordLimits#MAX_MESSAGE_CHARS}
 * @param attempts how many times the function was tried; 0 when not applicable
 */
public record InvocationFailure(String function, String type, String message, int attempts) {

    public InvocationFailure {
        message = RecordLimits.clip(message);
    }
}
